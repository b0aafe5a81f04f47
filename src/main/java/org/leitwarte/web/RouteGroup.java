package org.leitwarte.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** The routes of one feature, attached to the operations of the OpenAPI document by their operationId. */
interface RouteGroup {

  void mount(RouterBuilder builder);

  /** @throws IllegalStateException when the document has no such operation */
  static void on(RouterBuilder builder, String operationId, Handler<RoutingContext> handler) {
    OpenAPIRoute route = builder.getRoute(operationId);
    if (route == null) {
      throw new IllegalStateException("the OpenAPI document has no operation " + operationId);
    }
    route.addHandler(handler);
  }
}
