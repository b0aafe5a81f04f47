package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.store.Dialect;
import org.leitwarte.testsupport.Eventually;

/**
 * The status event stream with a real HTTP client, as the status board page reads it: the board at
 * once, a new event within seconds of an alert firing, nothing while nothing changes but the
 * heartbeat, and a client that goes away is forgotten.
 */
class StatusEventsTest {

  private static final Duration SOON = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void the_stream_sends_the_board_at_once_and_again_when_an_alert_fires() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      long now = System.currentTimeMillis();
      for (String device : List.of("wr-router", "wr-app1", "wr-bauhof-switch", "il-printer", "kdo-core", "kdo-rz1-fw")) {
        server.deviceStates.record(device, true, Map.of("icmp", "ok"), null, now);
      }
      HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/api/v1/status/events"))
                  .header("Authorization", "Bearer " + server.token("board", org.leitwarte.user.Role.STAFF, java.util.Optional.empty()))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream())
          .get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

      try (Stream stream = new Stream(response.body())) {
        JsonArray first = stream.nextStatus();
        assertThat(state(first, "ilsenburg")).isEqualTo("ok");
        assertThat(state(first, "wernigerode")).isEqualTo("ok");

        // Nothing changes: over several checks only heartbeats arrive (one a second in ApiServer).
        List<String> quiet = stream.linesFor(Duration.ofMillis(2500));
        assertThat(quiet).contains(": heartbeat").noneMatch(line -> line.startsWith("event:") || line.startsWith("data:"));

        ApiServer.await(server.alerts.record(List.of(StatusApiTest.change(
            StatusApiTest.alert("il-printer", "ilsenburg", "il-rathaus", "printer_offline", Severity.CRITICAL, AlertState.FIRING)))));
        JsonArray afterAlert = stream.nextStatus();
        assertThat(state(afterAlert, "ilsenburg")).isEqualTo("critical");
        assertThat(afterAlert.getJsonObject(1).getInteger("alerts_firing")).isEqualTo(1);
        assertThat(state(afterAlert, "wernigerode")).isEqualTo("ok");

        server.deviceStates.record("wr-router", false, Map.of("icmp", "timeout"), "icmp: timeout", System.currentTimeMillis());
        JsonArray afterRouter = stream.nextStatus();
        assertThat(state(afterRouter, "wernigerode")).isEqualTo("critical");
        assertThat(afterRouter.getJsonObject(0).getInteger("devices_down")).isEqualTo(1);
        assertThat(clients(server)).isEqualTo(1);
      }
      Eventually.until("the server forgot the client that went away", SOON, () -> clients(server) == 0);
    }
  }

  /** How many clients the server says are connected to the stream (a Prometheus gauge). */
  private static double clients(ApiServer server) {
    String metrics = server.client.get("/metrics").body();
    return metrics.lines().filter(line -> line.startsWith("leitwarte_status_stream_clients "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(-1);
  }

  private static String state(JsonArray tenants, String id) {
    return tenants.stream().map(JsonObject.class::cast).filter(tenant -> tenant.getString("id").equals(id))
        .findFirst().orElseThrow().getString("state");
  }

  /** The lines of an event stream, read on a thread of their own; closing it closes the connection. */
  private static final class Stream implements AutoCloseable {
    private final InputStream body;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    Stream(InputStream body) {
      this.body = body;
      this.reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException closed) {
          // The test closed the stream.
        }
      }, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The tenants of the next {@code status} event, failing when none comes soon. */
    JsonArray nextStatus() throws InterruptedException {
      long deadline = System.nanoTime() + SOON.toNanos();
      boolean status = false;
      while (System.nanoTime() < deadline) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          break;
        }
        if (line.equals("event: status")) {
          status = true;
        } else if (status && line.startsWith("data: ")) {
          return new JsonObject(line.substring("data: ".length())).getJsonArray("tenants");
        }
      }
      throw new AssertionError("no status event within " + SOON.toSeconds() + " s");
    }

    List<String> linesFor(Duration duration) throws InterruptedException {
      List<String> read = new ArrayList<>();
      long deadline = System.nanoTime() + duration.toNanos();
      for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        String line = lines.poll(left, TimeUnit.NANOSECONDS);
        if (line != null) {
          read.add(line);
        }
      }
      return read;
    }

    @Override
    public void close() throws Exception {
      body.close();
      reader.join(5000);
    }
  }
}
