package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;

/** The latest service check results of a device, as its page reads them from a real InfluxDB. */
@ExtendWith(InfluxDbExtension.class)
class DeviceHistoryChecksTest {

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A {@code service_check} point as the service-check collector writes it. */
  static Sample check(String device, String check, String kind, String target, Instant time, boolean ok,
      double responseMs, String message, Map<String, Object> extra) {
    Map<String, Object> fields = new HashMap<>(extra);
    fields.put("ok", ok ? 1L : 0L);
    fields.put("response_ms", responseMs);
    fields.put("message", message);
    return new Sample("service_check", Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", device,
        "check", check, "kind", kind, "target", target), fields, time.toEpochMilli());
  }

  private static Optional<Map<String, CheckReading>> latest(DeviceHistory history, String device) throws Exception {
    return history.latestChecks(device).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void each_check_gives_its_latest_whole_result_of_the_last_day_and_nothing_of_another_device(InfluxDbServer influx)
      throws Exception {
    String database = "checks_" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(database);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    DeviceHistoryTest.write(influx, database, List.of(
        // An older passing NTP result with an offset, then a failed one without: the failed one counts, alone.
        check("wr-router", "zeit", "ntp", "127.0.0.2:123", now.minus(Duration.ofMinutes(10)), true, 1.5,
            "stratum 2", Map.of("offset_ms", -12.5, "stratum", 2L)),
        check("wr-router", "zeit", "ntp", "127.0.0.2:123", now.minus(Duration.ofMinutes(5)), false, 5000.0,
            "timed out", Map.of()),
        check("wr-router", "portal", "https", "https://portal.example/", now.minus(Duration.ofMinutes(2)), true, 42.0,
            "HTTP/1.1 200 OK", Map.of("status_code", 200L, "cert_days_left", 41.5)),
        // Older than a day, and another device's result: neither appears.
        check("wr-router", "alt", "tcp", "127.0.0.2:22", now.minus(Duration.ofHours(25)), true, 1.0, "", Map.of()),
        check("wr-switch", "zeit", "ntp", "127.0.0.9:123", now.minus(Duration.ofMinutes(1)), true, 1.0, "ok",
            Map.of("offset_ms", 99.0))));
    try (DeviceHistory history = DeviceHistory.create(vertx, influx.config(database))) {

      Map<String, CheckReading> found = latest(history, "wr-router").orElseThrow();

      assertThat(found).containsOnlyKeys("zeit", "portal");
      assertThat(found.get("zeit")).isEqualTo(new CheckReading("zeit", now.minus(Duration.ofMinutes(5)), false,
          Optional.of(5000.0), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          "timed out"));
      assertThat(found.get("portal")).isEqualTo(new CheckReading("portal", now.minus(Duration.ofMinutes(2)), true,
          Optional.of(42.0), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(200L), Optional.of(41.5),
          "HTTP/1.1 200 OK"));
      assertThat(latest(history, "wr-switch").orElseThrow().get("zeit").offsetMs()).contains(99.0);
      // Nothing written: available, and empty.
      assertThat(latest(history, "wr-nothing")).contains(Map.of());
      // An id that is not one is never sent.
      assertThat(latest(history, "x' OR device =~ /.*/ --")).isEmpty();
    }
  }

  @Test
  void an_unreachable_influxdb_says_the_results_are_not_available_within_the_timeout() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    LeitwarteConfig.Influx nowhere = new LeitwarteConfig.Influx(URI.create("http://127.0.0.1:" + closed), "metrics",
        "autogen", Duration.ZERO, Optional.empty(), Optional.empty(), 5_000, Duration.ofSeconds(1));
    try (DeviceHistory history = DeviceHistory.create(vertx, nowhere)) {

      assertThat(latest(history, "wr-router")).isEmpty();
    }
  }
}
