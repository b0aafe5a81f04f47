package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.metrics.WriterTesting.await;
import static org.leitwarte.metrics.WriterTesting.awaitUntil;
import static org.leitwarte.metrics.WriterTesting.count;
import static org.leitwarte.metrics.WriterTesting.randomDatabase;
import static org.leitwarte.metrics.WriterTesting.sample;
import static org.leitwarte.metrics.WriterTesting.samples;
import static org.leitwarte.metrics.WriterTesting.spool;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;

@ExtendWith(InfluxDbExtension.class)
class MetricsWriterTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path spoolDir;

  private final InfluxDbServer influx;
  private final String database = randomDatabase();
  private Vertx vertx;
  private MetricsWriter writer;

  MetricsWriterTest(InfluxDbServer influx) {
    this.influx = influx;
  }

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopEverything() {
    if (writer != null) {
      await(writer.stop());
    }
    await(vertx.close());
    influx.query("DROP DATABASE \"" + database + "\"");
  }

  @Test
  void samples_are_written_and_read_back_with_their_types() {
    writer = start(WriterTesting.influx(influx, database, 5_000, Duration.ofMillis(100)));
    Sample sample = new Sample("device", Map.of("device", "sw-01", "tenant", "lohberg"),
        Map.of("uptime", 123_456L, "cpu", 12.5, "descr", "Cisco \"C3750\"", "reachable", true), WriterTesting.BASE_MILLIS);

    writer.accept(sample);

    awaitUntil(WAIT, () -> writer.status().linesWritten() == 1, writer::status);
    Map<String, Object> row = influx.query(database, "SELECT * FROM device").get(0);
    assertThat(row).containsEntry("uptime", 123_456L).containsEntry("cpu", 12.5)
        .containsEntry("descr", "Cisco \"C3750\"").containsEntry("reachable", true)
        .containsEntry("device", "sw-01").containsEntry("tenant", "lohberg");
    assertThat(influx.query(database, "SHOW FIELD KEYS FROM device"))
        .containsExactlyInAnyOrder(
            Map.of("fieldKey", "cpu", "fieldType", "float"),
            Map.of("fieldKey", "descr", "fieldType", "string"),
            Map.of("fieldKey", "reachable", "fieldType", "boolean"),
            Map.of("fieldKey", "uptime", "fieldType", "integer"));
    assertThat(influx.query(database, "SELECT uptime FROM device WHERE time = " + WriterTesting.BASE_MILLIS + "ms"))
        .hasSize(1);
    assertThat(writer.status().linesWritten()).isEqualTo(1);
    assertThat(writer.status().influxUp()).isTrue();
  }

  @Test
  void a_full_batch_is_written_without_waiting_for_the_flush_interval() {
    writer = start(WriterTesting.influx(influx, database, 100, Duration.ofHours(1)));

    writer.accept(samples(0, 250, 1));

    awaitUntil(WAIT, () -> writer.status().batchesWritten() == 2, writer::status);
    assertThat(count(influx, database, "SELECT count(seq) FROM load")).isEqualTo(200);
  }

  @Test
  void missing_database_and_retention_policy_are_created() {
    LeitwarteConfig.Influx config = new LeitwarteConfig.Influx(influx.url(), database, "leitwarte_rp",
        Duration.ofDays(7), Optional.empty(), Optional.empty(), 5_000, Duration.ofMillis(100));
    writer = start(config);

    writer.accept(samples(0, 10, 1));

    awaitUntil(WAIT, () -> count(influx, database, "SELECT count(seq) FROM \"leitwarte_rp\".load") == 10, writer::status);
    assertThat(influx.query("SHOW RETENTION POLICIES ON \"" + database + "\""))
        .anySatisfy(policy -> assertThat(policy)
            .containsEntry("name", "leitwarte_rp")
            .containsEntry("duration", "168h0m0s")
            .containsEntry("default", true));
  }

  @Test
  void a_database_dropped_while_running_is_created_again() {
    writer = start(WriterTesting.influx(influx, database, 5_000, Duration.ofMillis(100)));
    writer.accept(samples(0, 10, 1));
    awaitUntil(WAIT, () -> count(influx, database, "SELECT count(seq) FROM load") == 10, writer::status);

    influx.query("DROP DATABASE \"" + database + "\"");
    writer.accept(samples(10, 20, 1));

    awaitUntil(WAIT, () -> influx.query("SHOW DATABASES").contains(Map.of("name", database))
        && count(influx, database, "SELECT count(seq) FROM load") == 10, writer::status);
    assertThat(influx.query(database, "SELECT min(seq) FROM load").get(0)).containsEntry("min", 10L);
    assertThat(writer.status().spooling()).isFalse();
  }

  @Test
  void malformed_lines_are_quarantined_with_their_reason_and_the_rest_of_the_batch_is_written() throws IOException {
    writer = start(WriterTesting.influx(influx, database, 5_000, Duration.ofMillis(100)));
    long t = WriterTesting.BASE_MILLIS;
    List<String> lines = List.of(
        "q,host=a x=1i " + t,
        "q,host=a x=\"text\" " + (t + 1000),
        "q,host=a x=2i " + (t + 2000),
        "q,host=a x=oops " + (t + 3000),
        "q,host=a x=3i " + (t + 4000));

    writer.acceptLines(lines);

    awaitUntil(WAIT, () -> writer.status().quarantinedLines() == 2, writer::status);
    assertThat(influx.query(database, "SELECT x FROM q")).extracting(row -> row.get("x")).containsExactly(1L, 2L, 3L);
    String quarantine = Files.readString(spoolDir.resolve("quarantine.lp"));
    assertThat(quarantine.lines().filter(line -> !line.startsWith("#"))).containsExactly(lines.get(1), lines.get(3));
    assertThat(quarantine).contains("field type conflict").contains("unable to parse");
    assertThat(writer.status().linesWritten()).isEqualTo(3);
    assertThat(writer.status().lastError()).hasValueSatisfying(error -> assertThat(error).contains("rejected 2 lines"));

    writer.accept(samples(0, 5, 1));

    awaitUntil(WAIT, () -> count(influx, database, "SELECT count(seq) FROM load") == 5, writer::status);
    assertThat(writer.status().spooling()).isFalse();
    assertThat(writer.status().influxUp()).isTrue();
  }

  @Test
  void writing_the_same_lines_again_leaves_every_point_once() {
    influx.createDatabase(database);
    List<String> lines = samples(0, 30, 1).stream().map(s -> LineProtocol.line(s).orElseThrow()).toList();
    try (InfluxClient client = InfluxClient.connect(WriterTesting.influx(influx, database, 5_000, Duration.ofSeconds(1)))) {

      assertThat(client.write(lines)).isEqualTo(InfluxOutcome.OK);
      assertThat(client.write(lines.subList(10, 30))).isEqualTo(InfluxOutcome.OK);
    }

    assertThat(influx.query(database, "SELECT count(seq) FROM load GROUP BY host"))
        .extracting(row -> row.get("host") + "=" + row.get("count"))
        .containsExactlyInAnyOrder("h0=10", "h1=10", "h2=10");
  }

  @Test
  void graceful_stop_writes_the_buffered_samples_to_influxdb() {
    MetricsWriter stopping = start(WriterTesting.influx(influx, database, 5_000, Duration.ofHours(1)));
    stopping.accept(samples(0, 42, 1));

    await(stopping.stop());

    assertThat(count(influx, database, "SELECT count(seq) FROM load")).isEqualTo(42);
    assertThat(stopping.status().spoolLines()).isZero();
  }

  @Test
  void meters_are_reported_under_their_prometheus_names() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    writer = new MetricsWriter(vertx, WriterTesting.influx(influx, database, 5_000, Duration.ofMillis(100)),
        spool(spoolDir, 1_000_000), registry);
    await(writer.start());

    writer.accept(samples(0, 7, 1));
    awaitUntil(WAIT, () -> writer.status().linesWritten() == 7, writer::status);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("leitwarte_lines_written_total 7.0")
        .contains("leitwarte_write_latency_seconds_count 1")
        .contains("leitwarte_spool_bytes 0.0")
        .contains("leitwarte_spool_lines 0.0")
        .contains("leitwarte_lines_dropped_total 0.0")
        .contains("leitwarte_lines_quarantined_total 0.0")
        .contains("leitwarte_influx_up 1.0");
  }

  @Test
  void accepting_before_start_or_after_stop_is_refused() {
    MetricsWriter unstarted = new MetricsWriter(vertx, WriterTesting.influx(influx, database, 5_000, Duration.ofSeconds(1)),
        spool(spoolDir, 1_000_000), new SimpleMeterRegistry());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> unstarted.accept(sample(0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");

    MetricsWriter stopped = start(WriterTesting.influx(influx, database, 5_000, Duration.ofSeconds(1)));
    await(stopped.stop());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stopped.accept(sample(0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
  }

  private MetricsWriter start(LeitwarteConfig.Influx config) {
    MetricsWriter started = new MetricsWriter(vertx, config, spool(spoolDir, 10_000_000), new SimpleMeterRegistry());
    await(started.start());
    return started;
  }
}
