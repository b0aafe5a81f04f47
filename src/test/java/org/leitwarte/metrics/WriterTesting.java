package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.testsupport.InfluxDbServer;

/** Shared helpers of the metrics writer tests. */
final class WriterTesting {

  /** Timestamps an hour back, one second apart, so that no two test samples share a series and time. */
  static final long BASE_MILLIS = System.currentTimeMillis() / 1000 * 1000 - 3_600_000;

  private WriterTesting() {}

  static String randomDatabase() {
    return "t_" + UUID.randomUUID().toString().replace("-", "");
  }

  static LeitwarteConfig.Influx influx(InfluxDbServer server, String database, int batchSize, Duration flushInterval) {
    return new LeitwarteConfig.Influx(server.url(), database, "autogen", Duration.ZERO, Optional.empty(),
        Optional.empty(), batchSize, flushInterval);
  }

  static LeitwarteConfig.Spool spool(Path dir, long maxBytes) {
    return new LeitwarteConfig.Spool(dir, maxBytes);
  }

  /** Sample number {@code seq} of series {@code host=h<seq % 3>}; {@code version} tells a re-sent point apart. */
  static Sample sample(int seq, long version) {
    return new Sample("load", Map.of("host", "h" + (seq % 3)), Map.of("seq", (long) seq, "version", version),
        BASE_MILLIS + seq * 1000L);
  }

  static List<Sample> samples(int from, int to, long version) {
    List<Sample> samples = new ArrayList<>();
    for (int seq = from; seq < to; seq++) {
      samples.add(sample(seq, version));
    }
    return samples;
  }

  static long count(InfluxDbServer server, String database, String influxql) {
    List<Map<String, Object>> rows = server.query(database, influxql);
    return rows.isEmpty() ? 0 : (Long) rows.get(0).get("count");
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  static void awaitUntil(Duration timeout, BooleanSupplier condition, Supplier<?> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("condition not met within " + timeout + "; state: " + state.get());
      }
      sleep(Duration.ofMillis(25));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
