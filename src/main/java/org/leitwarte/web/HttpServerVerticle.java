package org.leitwarte.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.health.Health;
import org.leitwarte.ticket.TicketService;

/**
 * Leitwarte's HTTP server: its own health and metrics, the alerting, incident and on-call API under
 * {@code /api/v1}, all described by (and validated against) the OpenAPI document served at {@code
 * /api/v1/openapi.yaml}. No sign-in yet: it binds to the configured host, 127.0.0.1 by default.
 * The acknowledge pages ({@code /ack/<token>}, HTML) are served beside the API when links are set up,
 * and the browsable API documentation (Swagger UI) at {@code /api/v1/docs}.
 */
public final class HttpServerVerticle extends VerticleBase {

  private final LeitwarteConfig.Http config;
  private final Health health;
  private final PrometheusMeterRegistry registry;
  private final AlertingApi api;
  private final Optional<IncidentApi> incidents;
  private final Optional<StatusApi> status;
  private final Optional<TicketService> tickets;
  private HttpServer server;

  /** Without incidents and on-call: their operations answer 503. */
  public HttpServerVerticle(LeitwarteConfig.Http config, Health health, PrometheusMeterRegistry registry, AlertingApi api) {
    this(config, health, registry, api, Optional.empty());
  }

  /** Without tickets: their operations answer 503. */
  public HttpServerVerticle(
      LeitwarteConfig.Http config, Health health, PrometheusMeterRegistry registry, AlertingApi api, Optional<IncidentApi> incidents) {
    this(config, health, registry, api, incidents, Optional.empty());
  }

  /** Without tickets: their operations answer 503. */
  public HttpServerVerticle(LeitwarteConfig.Http config, Health health, PrometheusMeterRegistry registry, AlertingApi api,
      Optional<IncidentApi> incidents, Optional<StatusApi> status) {
    this(config, health, registry, api, incidents, status, Optional.empty());
  }

  /**
   * @param status the status board behind the tenant, device and status-event routes; empty: they answer 503
   * @param tickets tickets; empty: their operations answer 503
   */
  public HttpServerVerticle(LeitwarteConfig.Http config, Health health, PrometheusMeterRegistry registry, AlertingApi api,
      Optional<IncidentApi> incidents, Optional<StatusApi> status, Optional<TicketService> tickets) {
    this.config = config;
    this.health = health;
    this.registry = registry;
    this.api = api;
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.status = Objects.requireNonNull(status, "status");
    this.tickets = Objects.requireNonNull(tickets, "tickets");
  }

  @Override
  public Future<?> start() {
    return ApiRouter.create(vertx, health, registry, api, incidents, status, tickets).compose(built -> {
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
