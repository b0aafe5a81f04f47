package org.leitwarte.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.health.Health;

/**
 * Leitwarte's HTTP server: its own health and metrics, the alerting, incident and on-call API under
 * {@code /api/v1}, all described by (and validated against) the OpenAPI document served at {@code
 * /api/v1/openapi.yaml}, and the sign-in pages ({@code /login}, {@code /logout}). Every API operation
 * but the document, /health and /metrics needs a bearer token or a signed-in session. The acknowledge
 * pages ({@code /ack/<token>}, HTML) are served beside the API when links are set up; their signed
 * link is the credential. It binds to the configured host, 127.0.0.1 by default.
 */
public final class HttpServerVerticle extends VerticleBase {

  private final LeitwarteConfig.Http config;
  private final Health health;
  private final PrometheusMeterRegistry registry;
  private final ApiFeatures features;
  private final UserAccess access;
  private HttpServer server;

  /**
   * @param features what answers the operations; an absent feature's operations answer 503
   * @param access users, tokens and sign-in: every API operation but the document, /health and /metrics
   *     needs a signed-in user or a token
   */
  public HttpServerVerticle(
      LeitwarteConfig.Http config, Health health, PrometheusMeterRegistry registry, ApiFeatures features, UserAccess access) {
    this.config = config;
    this.access = Objects.requireNonNull(access, "access");
    this.health = health;
    this.registry = registry;
    this.features = Objects.requireNonNull(features, "features");
  }

  @Override
  public Future<?> start() {
    return ApiRouter.create(vertx, health, registry, features, access).compose(built -> {
      // No cleartext HTTP/2 upgrade (h2c): the JDK's HttpClient asks for it by default, and with Vert.x 5.0.7
      // answers over 16 KiB then sometimes never arrive whole; HTTP/1.1 serves a JSON API just as well.
      server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false));
      return server.requestHandler(built.router()).listen(config.port(), config.host());
    });
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
