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
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;

/**
 * One API request as its route handler reads it: the parameters and body the OpenAPI document has
 * already validated, the scope it acts in, who makes a change, and the language to answer in.
 */
final class ApiRequest {

  private static final Principal UNTIL_SIGN_IN = new Principal("admin", Role.ADMIN, Optional.empty());

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

  /**
   * What the request may see and change. Everything, until sign-in exists: this is the one place where
   * the signed-in user's tenant will come in.
   */
  ApiScope scope() {
    return principal().scope();
  }

  /**
   * Who makes the request. Until sign-in exists every request is an administrator's (the server binds
   * to loopback by default); sign-in will put the signed-in user here, and everything that asks this
   * (scope, authors of tickets and comments) follows.
   */
  Principal principal() {
    return UNTIL_SIGN_IN;
  }

  /** Who makes a change: for now the body's {@code author}, from the client's address. */
  Actor actor() {
    String author = body().getString("author", "");
    return new Actor(author, address());
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
