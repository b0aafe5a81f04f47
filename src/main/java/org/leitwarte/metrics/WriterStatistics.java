package org.leitwarte.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer's counters, updated by its worker thread and read from anywhere: as a {@link
 * MetricsWriterStatus} and as Micrometer meters ({@code leitwarte_lines_written_total}, {@code
 * leitwarte_write_latency_seconds}, {@code leitwarte_spool_bytes}, {@code leitwarte_spool_lines}, {@code
 * leitwarte_lines_dropped_total}, {@code leitwarte_lines_quarantined_total}, {@code leitwarte_influx_up}
 * in Prometheus form).
 */
final class WriterStatistics implements AutoCloseable {

  private final AtomicLong linesWritten = new AtomicLong();
  private final AtomicLong batchesWritten = new AtomicLong();
  private final AtomicLong droppedLines = new AtomicLong();
  private final AtomicLong quarantinedLines = new AtomicLong();
  private final AtomicLong lastLatencyNanos = new AtomicLong();
  private volatile boolean influxUp;
  private volatile boolean spooling;
  private volatile String lastError;
  private volatile Spool spool;

  private final MeterRegistry registry;
  private final Timer latency;
  private final List<Meter> meters;

  WriterStatistics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = Timer.builder("leitwarte.write.latency")
        .description("Duration of successful InfluxDB write requests")
        .register(registry);
    this.meters = List.of(
        latency,
        FunctionCounter.builder("leitwarte.lines.written", linesWritten, AtomicLong::doubleValue)
            .description("Lines accepted by InfluxDB").register(registry),
        FunctionCounter.builder("leitwarte.lines.dropped", droppedLines, AtomicLong::doubleValue)
            .description("Lines lost because the spool was full").register(registry),
        FunctionCounter.builder("leitwarte.lines.quarantined", quarantinedLines, AtomicLong::doubleValue)
            .description("Lines refused by InfluxDB as malformed and kept in the quarantine file").register(registry),
        Gauge.builder("leitwarte.spool.bytes", this, WriterStatistics::spoolBytes)
            .description("Bytes waiting in the spool for InfluxDB").register(registry),
        Gauge.builder("leitwarte.spool.lines", this, WriterStatistics::spoolLines)
            .description("Lines waiting in the spool for InfluxDB").register(registry),
        Gauge.builder("leitwarte.influx.up", this, statistics -> statistics.influxUp ? 1 : 0)
            .description("1 when the last request to InfluxDB succeeded").register(registry));
  }

  void spool(Spool spool) {
    this.spool = spool;
  }

  void written(int lines, int batches) {
    linesWritten.addAndGet(lines);
    batchesWritten.addAndGet(batches);
  }

  void writeLatency(long nanos) {
    lastLatencyNanos.set(nanos);
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void dropped(long lines) {
    droppedLines.addAndGet(lines);
  }

  void quarantined(long lines) {
    quarantinedLines.addAndGet(lines);
  }

  void influxUp(boolean up) {
    influxUp = up;
  }

  void spooling(boolean spooling) {
    this.spooling = spooling;
  }

  void error(String message) {
    lastError = message;
  }

  MetricsWriterStatus snapshot() {
    return new MetricsWriterStatus(
        influxUp,
        spooling,
        linesWritten.get(),
        batchesWritten.get(),
        Duration.ofNanos(lastLatencyNanos.get()),
        (long) spoolBytes(),
        (long) spoolLines(),
        droppedLines.get(),
        quarantinedLines.get(),
        Optional.ofNullable(lastError));
  }

  private double spoolBytes() {
    Spool current = spool;
    return current == null ? 0 : current.pendingBytes();
  }

  private double spoolLines() {
    Spool current = spool;
    return current == null ? 0 : current.pendingLines();
  }

  /** Removes the meters, so that a later writer on the same registry reports its own values. */
  @Override
  public void close() {
    meters.forEach(registry::remove);
  }
}
