package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.metrics.WriterTesting.await;
import static org.leitwarte.metrics.WriterTesting.awaitUntil;
import static org.leitwarte.metrics.WriterTesting.count;
import static org.leitwarte.metrics.WriterTesting.randomDatabase;
import static org.leitwarte.metrics.WriterTesting.sample;
import static org.leitwarte.metrics.WriterTesting.samples;
import static org.leitwarte.metrics.WriterTesting.sleep;
import static org.leitwarte.metrics.WriterTesting.spool;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.testsupport.InfluxDbServer;

/**
 * InfluxDB goes away and comes back: every sample accepted meanwhile arrives once and in order. Each test
 * has its own influxd, because it stops it.
 *
 * <p>Order is checked through overwrites: every point is sent first with {@code version=1} and a little
 * later again with {@code version=2} (same series and time). InfluxDB keeps the last write, so a single
 * {@code version=1} left at the end means lines arrived out of order.
 */
class MetricsWriterOutageTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int RESEND_LAG = 7;

  @TempDir
  Path spoolDir;

  private final String database = randomDatabase();
  private InfluxDbServer influx;
  private Vertx vertx;
  private int sent;

  @BeforeEach
  void start() {
    influx = InfluxDbServer.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    await(vertx.close());
    influx.close();
  }

  @Test
  void samples_accepted_during_an_outage_arrive_exactly_once_and_in_order() {
    MetricsWriter writer = writer(spool(spoolDir, 100_000_000));
    send(writer, 60);
    awaitUntil(WAIT, () -> count(influx, database, "SELECT count(seq) FROM load") > 0, writer::status);

    influx.stop();
    send(writer, 120);
    awaitUntil(WAIT, () -> writer.status().spoolLines() > 0, writer::status);
    assertThat(writer.status().spooling()).isTrue();
    assertThat(writer.status().influxUp()).isFalse();
    send(writer, 60);

    influx.restart();
    send(writer, 60);
    finishSending(writer);

    awaitUntil(WAIT, () -> !writer.status().spooling() && writer.status().spoolLines() == 0
        && count(influx, database, "SELECT count(seq) FROM load") == sent, writer::status);
    assertEveryPointOnceInItsLastVersion(sent);
    assertThat(writer.status().influxUp()).isTrue();
    assertThat(writer.status().droppedLines()).isZero();
    await(writer.stop());
  }

  @Test
  void a_writer_restarted_during_an_outage_resumes_the_spool_of_the_one_before() {
    MetricsWriter first = writer(spool(spoolDir, 100_000_000));
    send(first, 40);
    awaitUntil(WAIT, () -> count(influx, database, "SELECT count(seq) FROM load") > 0, first::status);
    influx.stop();
    send(first, 80);
    awaitUntil(WAIT, () -> first.status().spoolLines() > 0, first::status);
    await(first.stop());

    MetricsWriter second = writer(spool(spoolDir, 100_000_000));
    assertThat(second.status().spooling()).isTrue();
    assertThat(second.status().spoolLines()).isPositive();
    send(second, 80);
    influx.restart();
    send(second, 40);
    finishSending(second);

    awaitUntil(WAIT, () -> !second.status().spooling()
        && count(influx, database, "SELECT count(seq) FROM load") == sent, second::status);
    assertEveryPointOnceInItsLastVersion(sent);
    await(second.stop());
  }

  @Test
  void a_full_spool_drops_the_oldest_lines_counts_them_and_keeps_the_newest() {
    influx.stop();
    MetricsWriter writer = writer(spool(spoolDir, 6_000));
    int total = 600;
    for (int seq = 0; seq < total; seq += 20) {
      writer.accept(samples(seq, seq + 20, 2));
      sleep(Duration.ofMillis(10));
    }
    awaitUntil(WAIT, () -> writer.status().spoolLines() + writer.status().droppedLines() == total, writer::status);
    long dropped = writer.status().droppedLines();
    assertThat(dropped).isPositive();
    assertThat(writer.status().spoolBytes()).isLessThanOrEqualTo(6_000);
    assertThat(writer.status().lastError()).hasValueSatisfying(error -> assertThat(error).contains("spool full"));

    influx.restart();

    awaitUntil(WAIT, () -> !writer.status().spooling(), writer::status);
    assertThat(count(influx, database, "SELECT count(seq) FROM load")).isEqualTo(total - dropped);
    assertThat(influx.query(database, "SELECT min(seq), max(seq) FROM load").get(0))
        .containsEntry("min", dropped)
        .containsEntry("max", (long) total - 1);
    await(writer.stop());
  }

  @Test
  void a_malformed_line_in_the_spool_is_quarantined_when_replayed_and_the_rest_is_written() throws IOException {
    influx.stop();
    MetricsWriter writer = writer(spool(spoolDir, 1_000_000));
    long t = WriterTesting.BASE_MILLIS;
    writer.acceptLines(List.of("q,host=a x=1i " + t, "q,host=a x=oops " + (t + 1000), "q,host=a x=3i " + (t + 2000)));
    awaitUntil(WAIT, () -> writer.status().spoolLines() == 3, writer::status);

    influx.restart();

    awaitUntil(WAIT, () -> !writer.status().spooling(), writer::status);
    assertThat(writer.status().quarantinedLines()).isEqualTo(1);
    assertThat(influx.query(database, "SELECT x FROM q")).extracting(row -> row.get("x")).containsExactly(1L, 3L);
    assertThat(java.nio.file.Files.readString(spoolDir.resolve("quarantine.lp"))).contains("x=oops");
    await(writer.stop());
  }

  @Test
  void a_graceful_stop_with_influxdb_down_puts_the_buffered_samples_in_the_spool() throws IOException {
    LeitwarteConfig.Influx nowhere = new LeitwarteConfig.Influx(URI.create("http://127.0.0.1:" + unusedPort()), database,
        "autogen", Duration.ZERO, Optional.empty(), Optional.empty(), 5_000, Duration.ofHours(1));
    MetricsWriter writer = new MetricsWriter(vertx, nowhere, spool(spoolDir, 1_000_000), new SimpleMeterRegistry());
    await(writer.start());
    List<Sample> buffered = samples(0, 25, 2);
    writer.accept(buffered);

    await(writer.stop());

    try (Spool spool = Spool.open(spoolDir, 1_000_000)) {
      assertThat(spool.pendingLines()).isEqualTo(25);
      assertThat(spool.next(100).orElseThrow().lines())
          .containsExactlyElementsOf(buffered.stream().map(s -> LineProtocol.line(s).orElseThrow()).toList());
    }
  }

  @Test
  void the_influxdb_password_appears_neither_in_logs_nor_in_the_status() throws IOException {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      int port = unusedPort();
      LeitwarteConfig.Influx withPassword = new LeitwarteConfig.Influx(
          URI.create("http://writer:url-s3cret@127.0.0.1:" + port), database, "autogen", Duration.ZERO,
          Optional.of("writer"), Optional.of(org.leitwarte.config.Secret.of("config-s3cret")), 5_000, Duration.ofMillis(50));
      MetricsWriter writer = new MetricsWriter(vertx, withPassword, spool(spoolDir, 1_000_000), new SimpleMeterRegistry());
      await(writer.start());
      writer.accept(samples(0, 3, 1));
      awaitUntil(WAIT, () -> writer.status().spoolLines() == 3, writer::status);
      await(writer.stop());

      assertThat(logs.list).isNotEmpty();
      assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
          .doesNotContain("s3cret"));
      assertThat(writer.status().lastError()).hasValueSatisfying(error -> assertThat(error)
          .contains("127.0.0.1:" + port).doesNotContain("s3cret"));
    } finally {
      root.detachAppender(logs);
    }
  }

  private MetricsWriter writer(LeitwarteConfig.Spool spool) {
    MetricsWriter writer = new MetricsWriter(vertx, WriterTesting.influx(influx, database, 50, Duration.ofMillis(100)),
        spool, new SimpleMeterRegistry(), Duration.ofMillis(100), Duration.ofMillis(500));
    await(writer.start());
    return writer;
  }

  /** Sends {@code count} new points in small steps, each with a re-send of an earlier point as version 2. */
  private void send(MetricsWriter writer, int count) {
    for (int i = 0; i < count; i += 10) {
      List<Sample> step = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        step.add(sample(sent, 1));
        if (sent >= RESEND_LAG) {
          step.add(sample(sent - RESEND_LAG, 2));
        }
        sent++;
      }
      writer.accept(step);
      sleep(Duration.ofMillis(25));
    }
  }

  private void finishSending(MetricsWriter writer) {
    writer.accept(samples(Math.max(0, sent - RESEND_LAG), sent, 2));
  }

  private void assertEveryPointOnceInItsLastVersion(int expected) {
    assertThat(influx.query(database, "SELECT count(seq) FROM load GROUP BY host"))
        .extracting(row -> row.get("host") + "=" + row.get("count"))
        .containsExactlyInAnyOrder(
            "h0=" + (expected + 2) / 3, "h1=" + (expected + 1) / 3, "h2=" + expected / 3);
    assertThat(count(influx, database, "SELECT count(version) FROM load WHERE version = 1"))
        .as("points whose first version arrived after their second")
        .isZero();
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
