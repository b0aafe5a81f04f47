package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
import org.leitwarte.metrics.DeviceHistory.Point;
import org.leitwarte.metrics.DeviceHistory.Series;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;

/** A device's last day as the device page reads it from a real InfluxDB. */
@ExtendWith(InfluxDbExtension.class)
class DeviceHistoryTest {

  private static final Duration BUCKET = DeviceHistory.BUCKET;
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Writes the samples through the project's own line mapping and client, as the service does. */
  static void write(InfluxDbServer influx, String database, List<Sample> samples) {
    try (InfluxClient client = InfluxClient.connect(influx.config(database))) {
      assertThat(client.write(samples.stream().map(sample -> LineProtocol.line(sample).orElseThrow()).toList()))
          .isEqualTo(InfluxOutcome.OK);
    }
  }

  static Sample icmp(String device, Instant time, double rttMs, double lossPct) {
    return new Sample("icmp", Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", device),
        Map.of("rtt_avg_ms", rttMs, "loss_pct", lossPct, "sent", 3L, "received", 3L), time.toEpochMilli());
  }

  static Sample cpu(String device, String cpu, Instant time, double loadPct) {
    return new Sample("cpu", Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", device, "cpu", cpu),
        Map.of("load_pct", loadPct), time.toEpochMilli());
  }

  /** The start of a 15-minute bucket a few hours ago, as InfluxDB aligns them (to the epoch). */
  static Instant bucketHoursAgo(int hours) {
    long bucket = BUCKET.toMillis();
    long millis = Instant.now().minus(Duration.ofHours(hours)).toEpochMilli();
    return Instant.ofEpochMilli(millis - millis % bucket);
  }

  private static String database(InfluxDbServer influx) {
    String database = "hist_" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(database);
    return database;
  }

  private static List<Series> lastDay(DeviceHistory history, String device) throws Exception {
    return history.lastDay(device).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void latency_loss_and_cpu_come_back_as_fifteen_minute_means_of_the_device_only(InfluxDbServer influx) throws Exception {
    String database = database(influx);
    Instant first = bucketHoursAgo(3);
    Instant second = first.plus(BUCKET);
    write(influx, database, List.of(
        icmp("wr-router", first.plusSeconds(60), 2.0, 0.0),
        icmp("wr-router", first.plusSeconds(360), 4.0, 50.0),
        icmp("wr-router", second.plusSeconds(60), 10.0, 100.0),
        // Another device and a day-old point stay out.
        icmp("wr-switch", first.plusSeconds(60), 99.0, 0.0),
        icmp("wr-router", Instant.now().minus(Duration.ofHours(25)), 500.0, 0.0),
        cpu("wr-router", "all", first.plusSeconds(60), 30.0),
        cpu("wr-router", "0", first.plusSeconds(60), 90.0)));
    try (DeviceHistory history = DeviceHistory.create(vertx, influx.config(database))) {

      List<Series> charts = lastDay(history, "wr-router");

      assertThat(charts).extracting(Series::name).containsExactly("latency", "loss", "cpu");
      assertThat(charts.get(0)).isEqualTo(new Series("latency", "ms", List.of(new Point(first, 3.0), new Point(second, 10.0))));
      assertThat(charts.get(1)).isEqualTo(new Series("loss", "%", List.of(new Point(first, 25.0), new Point(second, 100.0))));
      // The average over all processors, not one of them.
      assertThat(charts.get(2)).isEqualTo(new Series("cpu", "%", List.of(new Point(first, 30.0))));
      assertThat(lastDay(history, "wr-nothing")).isEmpty();
    }
  }

  @Test
  void a_device_id_with_a_quote_is_refused_without_reaching_influxdb(InfluxDbServer influx) throws Exception {
    String database = database(influx);
    write(influx, database, List.of(icmp("wr-router", bucketHoursAgo(1), 2.0, 0.0)));
    try (DeviceHistory history = DeviceHistory.create(vertx, influx.config(database))) {
      for (String attack : List.of("x' OR device =~ /.*/ --", "wr-router'; DROP DATABASE \"" + database + "\"",
          "WR-ROUTER", "", "wr router")) {
        assertThat(lastDay(history, attack)).as(attack).isEmpty();
      }
      assertThat(lastDay(history, null)).isEmpty();
      // Nothing was dropped, and the real device still has its history.
      assertThat(lastDay(history, "wr-router")).extracting(Series::name).containsExactly("latency", "loss");
    }
  }

  @Test
  void an_unreachable_influxdb_gives_an_empty_history_within_the_timeout() throws Exception {
    LeitwarteConfig.Influx nowhere = new LeitwarteConfig.Influx(URI.create("http://127.0.0.1:" + closedPort()), "metrics",
        "autogen", Duration.ZERO, Optional.empty(), Optional.empty(), 5_000, Duration.ofSeconds(1));
    try (DeviceHistory history = DeviceHistory.create(vertx, nowhere)) {
      long started = System.nanoTime();

      assertThat(lastDay(history, "wr-router")).isEmpty();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DeviceHistory.TIMEOUT.plusSeconds(1));
    }
  }

  @Test
  void an_influxdb_that_accepts_but_never_answers_gives_an_empty_history_after_the_timeout() throws Exception {
    // A socket that is listening but never accepts: the connection opens, the answer never comes.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LeitwarteConfig.Influx stuck = new LeitwarteConfig.Influx(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
          "metrics", "autogen", Duration.ZERO, Optional.empty(), Optional.empty(), 5_000, Duration.ofSeconds(1));
      try (DeviceHistory history = DeviceHistory.create(vertx, stuck)) {
        long started = System.nanoTime();

        assertThat(lastDay(history, "wr-router")).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DeviceHistory.TIMEOUT.plusSeconds(1));
      }
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
