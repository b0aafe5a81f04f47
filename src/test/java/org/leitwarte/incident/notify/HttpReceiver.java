package org.leitwarte.incident.notify;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.leitwarte.testsupport.Await;

/**
 * A webhook receiver or SMS gateway on 127.0.0.1: answers with the given statuses in turn (the last
 * one for ever after) and keeps every request as it came.
 */
final class HttpReceiver {

  record Request(String method, String uri, MultiMap headers, byte[] body, Instant at) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return new JsonObject(text());
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Integer> statuses;
  private final AtomicInteger answered = new AtomicInteger();
  private final HttpServer server;

  HttpReceiver(Vertx vertx, Integer... statuses) {
    this.statuses = new ArrayList<>(Arrays.asList(statuses));
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> request.body().onSuccess(body -> {
          requests.add(new Request(request.method().name(), request.uri(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
              body.getBytes(), Instant.now()));
          int turn = answered.getAndIncrement();
          int status = this.statuses.get(Math.min(turn, this.statuses.size() - 1));
          request.response().setStatusCode(status).end(status >= 400 ? "{\"error\":\"status " + status + "\"}" : "ok");
        }));
    Await.result(server.listen());
  }

  URI url(String pathAndMore) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + pathAndMore);
  }

  int port() {
    return server.actualPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  Request only() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests.size());
    }
    return requests.get(0);
  }
}
