package org.leitwarte.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.leitwarte.health.Health;

/** Leitwarte's own routes: {@code /health}, {@code /metrics} and the OpenAPI document. */
final class OperationsRoutes implements RouteGroup {

  private final Buffer document;
  private final Health health;
  private final PrometheusMeterRegistry registry;

  OperationsRoutes(Buffer document, Health health, PrometheusMeterRegistry registry) {
    this.document = document;
    this.health = health;
    this.registry = registry;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "getOpenApiDocument", this::document);
    RouteGroup.on(builder, "getHealth", this::health);
    RouteGroup.on(builder, "getMetrics", this::metrics);
  }

  private void document(RoutingContext context) {
    context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(document);
  }

  private void health(RoutingContext context) {
    health.report()
        .onSuccess(report -> context.response()
            .setStatusCode(report.up() ? 200 : 503)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .end(new JsonObject(report.toMap()).encodePrettily()))
        .onFailure(context::fail);
  }

  private void metrics(RoutingContext context) {
    // Scraping walks every meter; cheap enough for the event loop at our meter counts.
    context.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }
}
