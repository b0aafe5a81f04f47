package org.leitwarte.web;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.history.Actor;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;

/**
 * One API request as its route handler reads it: the parameters and body the OpenAPI document has
 * already validated, the scope it acts in, who makes a change, and the language to answer in.
 */
final class ApiRequest {

  private final RoutingContext context;
  private final ValidatedRequest validated;

  private ApiRequest(RoutingContext context, ValidatedRequest validated) {
    this.context = context;
    this.validated = validated;
  }

  static ApiRequest of(RoutingContext context) {
    ValidatedRequest validated = context.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    if (validated == null) {
      throw new IllegalStateException("route " + context.request().path() + " was not validated against the OpenAPI document");
    }
    return new ApiRequest(context, validated);
  }

  /** What the request may see and change: everything for the cooperative, one tenant for a tenant user. */
  ApiScope scope() {
    return principal().scope();
  }

  /**
   * Who makes the request: the signed-in user or the token's user, as {@link Authentication} found
   * them. Every operation but the public ones has one ({@link AccessGuard} lets no request through
   * without).
   */
  Principal principal() {
    return Authentication.principal(context).orElseThrow(() ->
        new IllegalStateException(context.request().path() + " reached its handler without a principal"));
  }

  /** Who makes a change: the principal, or whom an administrator names in the body's {@code author}. */
  Actor actor() {
    return new Actor(acting("author", Optional.ofNullable(body().getString("author"))), address());
  }

  /**
   * The user a change is made as: the principal's user, unless {@code named} names someone else, which
   * only an administrator may (recording what someone said on the phone, say).
   *
   * @throws Forbidden when someone other than an administrator names another user in {@code field}
   */
  String acting(String field, Optional<String> named) {
    Principal principal = principal();
    if (named.isPresent() && named.get().isBlank()) {
      throw new InvalidInputException(field, "must not be blank; leave it out to act as yourself");
    }
    String name = named.map(String::strip).filter(given -> !given.isEmpty()).orElse(principal.user());
    if (!name.equals(principal.user()) && !principal.is(Role.ADMIN)) {
      throw new Forbidden(field + ": you act as yourself ('" + principal.user() + "'); only an administrator may name someone else");
    }
    return name;
  }

  /** The language for annotations: {@code lang}, else the Accept-Language header, else German. */
  String language() {
    return Language.choose(query("lang"), context.acceptableLanguages().stream().map(LanguageHeader::tag).toList());
  }

  /** The client's IP address, for the audit log; empty when unknown. */
  Optional<String> address() {
    return Optional.ofNullable(context.request().remoteAddress()).map(SocketAddress::hostAddress);
  }

  /** A query parameter that the document declares as an array; empty when absent. */
  List<String> queryList(String name) {
    RequestParameter parameter = parameter(validated.getQuery(), name);
    if (parameter == null || parameter.getJsonArray() == null) {
      return List.of();
    }
    return parameter.getJsonArray().stream().map(String::valueOf).toList();
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(parameter(validated.getQuery(), name)).map(RequestParameter::getString);
  }

  int queryInt(String name, int otherwise) {
    RequestParameter parameter = parameter(validated.getQuery(), name);
    return parameter == null || parameter.getInteger() == null ? otherwise : parameter.getInteger();
  }

  String path(String name) {
    return requiredPath(name).getString();
  }

  long pathLong(String name) {
    return requiredPath(name).getLong();
  }

  /** The validated JSON body; empty for a request without one. */
  JsonObject body() {
    RequestParameter body = validated.getBody();
    return body == null || body.getJsonObject() == null ? new JsonObject() : body.getJsonObject();
  }

  private RequestParameter requiredPath(String name) {
    RequestParameter parameter = parameter(validated.getPathParameters(), name);
    if (parameter == null) {
      throw new IllegalStateException("the OpenAPI document has no path parameter " + name + " for " + context.request().path());
    }
    return parameter;
  }

  private static RequestParameter parameter(Map<String, RequestParameter> parameters, String name) {
    RequestParameter parameter = parameters.get(name);
    return parameter == null || parameter.isNull() ? null : parameter;
  }
}
