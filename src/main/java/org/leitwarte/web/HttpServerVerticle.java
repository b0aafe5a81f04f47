package org.leitwarte.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.health.Health;

/** Leitwarte's HTTP server: for now its own health and metrics; the API and UI come later. */
public final class HttpServerVerticle extends VerticleBase {

  private final LeitwarteConfig.Http config;
  private final Health health;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public HttpServerVerticle(LeitwarteConfig.Http config, Health health, PrometheusMeterRegistry registry) {
    this.config = config;
    this.health = health;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    server = vertx.createHttpServer();
    return server.requestHandler(router).listen(config.port(), config.host());
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void health(RoutingContext ctx) {
    health.report().onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
        return;
      }
      Health.Report report = done.result();
      ctx.response()
          .setStatusCode(report.up() ? 200 : 503)
          .putHeader("content-type", "application/json")
          .putHeader("cache-control", "no-store")
          .end(new JsonObject(report.toMap()).encodePrettily());
    });
  }

  private void metrics(RoutingContext ctx) {
    // Scraping walks every meter; cheap enough for the event loop at our meter counts.
    ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }
}
