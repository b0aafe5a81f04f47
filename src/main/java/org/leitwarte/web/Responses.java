package org.leitwarte.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Sends what a route's logic produced: JSON on success, the failure to the one failure handler otherwise. */
final class Responses {

  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void ok(RoutingContext context, Future<JsonObject> body) {
    body.onSuccess(json -> send(context, 200, json)).onFailure(context::fail);
  }

  /** 201 with a Location header naming the new object. */
  static void created(RoutingContext context, Future<JsonObject> body, Function<JsonObject, String> location) {
    body.onSuccess(json -> {
      context.response().putHeader(HttpHeaders.LOCATION, location.apply(json));
      send(context, 201, json);
    }).onFailure(context::fail);
  }

  /** 204 once {@code done} succeeds. */
  static void noContent(RoutingContext context, Future<?> done) {
    done.onSuccess(ignored -> context.response().setStatusCode(204).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end())
        .onFailure(context::fail);
  }

  static void send(RoutingContext context, int status, JsonObject json) {
    context.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(json.encode());
  }
}
