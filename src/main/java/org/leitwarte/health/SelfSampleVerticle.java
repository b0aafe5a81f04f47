package org.leitwarte.health;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.leitwarte.EventAddresses;
import org.leitwarte.collect.PollMetrics;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.SampleBatch;

/**
 * Publishes Leitwarte's own condition as a {@code leitwarte} sample every few seconds, into the same
 * stream as the devices' samples: the metrics writer keeps it in InfluxDB (for the self dashboard),
 * and the alert rules judge it (InfluxDB unreachable, spool growing) like any other sample.
 */
public final class SelfSampleVerticle extends VerticleBase {

  /** The tenant of Leitwarte's own samples; no inventory tenant can have this id. */
  public static final String TENANT = "_system";
  public static final String MEASUREMENT = "leitwarte";

  /** A snapshot of the figures that go into one sample; see {@code schema.yaml} for their meaning. */
  public record Figures(
      boolean influxUp,
      long spoolLines,
      long spoolBytes,
      long droppedLines,
      long quarantinedLines,
      long linesWritten,
      double writeLatencyMillis,
      long pollsLastInterval,
      long devices,
      long devicesUnreachable,
      PollMetrics.Window pollWindow) {}

  private final String node;
  private final Duration every;
  private final Supplier<Figures> figures;
  private final Clock clock;
  private long timer = -1;

  public SelfSampleVerticle(String node, Duration every, Supplier<Figures> figures, Clock clock) {
    this.node = node;
    this.every = every;
    this.figures = figures;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    SampleBatch.registerCodec(vertx);
    timer = vertx.setPeriodic(every.toMillis(), id -> publish());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void publish() {
    vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch(node, List.of(sample(node, figures.get(), clock.millis()))));
  }

  /** The sample for {@code figures}, tagged {@code tenant=_system, site=-, device=<node>}. */
  public static Sample sample(String node, Figures figures, long timestampMillis) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("influx_up", figures.influxUp() ? 1L : 0L);
    fields.put("spool_lines", figures.spoolLines());
    fields.put("spool_bytes", figures.spoolBytes());
    fields.put("dropped_lines", figures.droppedLines());
    fields.put("quarantined_lines", figures.quarantinedLines());
    fields.put("lines_written", figures.linesWritten());
    fields.put("write_latency_ms", figures.writeLatencyMillis());
    fields.put("polls_last_interval", figures.pollsLastInterval());
    fields.put("devices", figures.devices());
    fields.put("devices_unreachable", figures.devicesUnreachable());
    PollMetrics.Window window = figures.pollWindow();
    fields.put("poll_timeouts_last_interval", (long) window.timeouts());
    fields.put("poll_errors_last_interval", (long) window.errors());
    // A mean of no polls is no number: left out rather than written as 0.
    if (window.polls() > 0) {
      fields.put("poll_duration_avg_ms", window.averageMillis());
      fields.put("poll_duration_max_ms", window.maxMillis());
    }
    return new Sample(MEASUREMENT, Map.of("tenant", TENANT, "site", "-", "device", node), fields, timestampMillis);
  }
}
