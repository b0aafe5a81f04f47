package org.leitwarte.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;

/**
 * Lets a request reach an operation of the OpenAPI document only with a principal (else 401 {@code
 * unauthenticated}) of a role the operation allows (else 403 {@code forbidden}), and, when it rides on
 * the session cookie and changes something, with the session's CSRF token (else 403). Runs before
 * the request is validated, so that nobody learns more than "sign in first". Requests that match no
 * operation (pages, unknown paths) pass on unchanged.
 */
final class AccessGuard {

  private final OpenAPIContract contract;
  private final OperationRoles roles;

  AccessGuard(OpenAPIContract contract) {
    this.contract = contract;
    this.roles = new OperationRoles(contract);
  }

  void handle(RoutingContext context) {
    Operation operation = contract.findOperation(context.request().path(), context.request().method());
    Optional<OperationRoles.Access> access = operation == null ? Optional.empty() : roles.of(operation);
    if (access.isEmpty() || access.get().open()) {
      context.next();
      return;
    }
    Optional<Principal> principal = Authentication.principal(context);
    if (principal.isEmpty()) {
      context.response().putHeader("WWW-Authenticate", "Bearer realm=\"leitwarte\"");
      refuse(context, new ApiError(401, ApiError.UNAUTHENTICATED,
          "sign in first: send Authorization: Bearer <token> (leitwarte token create) or sign in at /login", Optional.empty()));
      return;
    }
    if (!access.get().roles().contains(principal.get().role())) {
      refuse(context, new ApiError(403, ApiError.FORBIDDEN, "role " + principal.get().role().label() + " may not "
          + access.get().operationId() + " (allowed: " + access.get().roles().stream().map(Role::label).collect(Collectors.joining(", ")) + ")",
          Optional.empty()));
      return;
    }
    boolean changes = context.request().method() != HttpMethod.GET && context.request().method() != HttpMethod.HEAD;
    if (changes && Authentication.via(context).orElse(null) == Authentication.Via.SESSION && !Csrf.valid(context)) {
      refuse(context, new ApiError(403, ApiError.FORBIDDEN,
          "missing or wrong CSRF token: send the header " + Csrf.HEADER + " with the token of your session", Optional.empty()));
      return;
    }
    context.next();
  }

  private static void refuse(RoutingContext context, ApiError error) {
    Responses.send(context, error.status(), error.toJson());
  }
}
