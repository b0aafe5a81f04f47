package org.leitwarte.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.status.StatusBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/status/events}: server-sent events for the status board. Each client gets a {@code
 * status} event with the tenants it may see (as {@code GET /api/v1/tenants} answers) at once and then
 * whenever that changes, and a comment line every heartbeat so that idle connections stay open.
 *
 * <p>One timer serves every client: while at least one is connected the board is read once per check
 * (never twice at the same time), and each client is sent only what changed within its own scope. A
 * client that goes away is forgotten at once; with the last one the timer stops.
 */
final class StatusEvents {

  private static final Logger LOG = LoggerFactory.getLogger(StatusEvents.class);

  /** The browser reconnects after this many milliseconds when the connection drops. */
  static final int RETRY_MILLIS = 2000;

  private final Vertx vertx;
  private final Supplier<Future<StatusBoard>> boards;
  private final Duration checkEvery;
  private final Duration heartbeatEvery;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private long timer = -1;
  private boolean reading;
  private long lastHeartbeat;

  StatusEvents(Vertx vertx, Supplier<Future<StatusBoard>> boards, Duration checkEvery, Duration heartbeatEvery, MeterRegistry registry) {
    this.vertx = vertx;
    this.boards = boards;
    this.checkEvery = checkEvery;
    this.heartbeatEvery = heartbeatEvery;
    Gauge.builder("leitwarte_status_stream_clients", clients, Set::size)
        .description("Clients connected to the status event stream")
        .register(registry);
  }

  /** One connected client: its response, its scope and the last event it was sent. */
  private static final class Client {
    final HttpServerResponse response;
    final ApiScope scope;
    String lastSent;

    Client(HttpServerResponse response, ApiScope scope) {
      this.response = response;
      this.scope = scope;
    }
  }

  void subscribe(RoutingContext context, ApiScope scope) {
    HttpServerResponse response = context.response();
    Client client = new Client(response, scope);
    response.setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        // Tells nginx and the like not to buffer the stream.
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> forget(client));
    response.exceptionHandler(failure -> forget(client));
    clients.add(client);
    write(client, "retry: " + RETRY_MILLIS + "\n\n");
    boards.get().onSuccess(board -> send(client, board)).onFailure(failure -> LOG.warn("Status board unavailable: {}", failure.getMessage()));
    if (timer < 0) {
      lastHeartbeat = System.nanoTime();
      timer = vertx.setPeriodic(checkEvery.toMillis(), id -> check());
    }
  }

  private void check() {
    if (clients.isEmpty()) {
      stop();
      return;
    }
    if (System.nanoTime() - lastHeartbeat >= heartbeatEvery.toNanos()) {
      lastHeartbeat = System.nanoTime();
      clients.forEach(client -> write(client, ": heartbeat\n\n"));
    }
    if (reading) {
      return;
    }
    reading = true;
    boards.get()
        .onSuccess(board -> clients.forEach(client -> send(client, board)))
        .onFailure(failure -> LOG.warn("Status board unavailable: {}", failure.getMessage()))
        .onComplete(done -> reading = false);
  }

  private void send(Client client, StatusBoard board) {
    String data = StatusJson.tenants(board.tenants(client.scope)).encode();
    if (!data.equals(client.lastSent)) {
      client.lastSent = data;
      write(client, "event: status\ndata: " + data + "\n\n");
    }
  }

  private void write(Client client, String text) {
    if (!clients.contains(client)) {
      return;
    }
    client.response.write(text).onFailure(failure -> forget(client));
  }

  private void forget(Client client) {
    if (clients.remove(client) && clients.isEmpty()) {
      stop();
    }
  }

  private void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
