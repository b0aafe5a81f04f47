package org.leitwarte.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leitwarte.metrics.MetricsWriterStatus;

/** The {@code influxdb} and {@code spool} parts of {@code /health}, read off the metrics writer's status. */
public final class WriterHealth {

  private WriterHealth() {}

  /** Down while InfluxDB does not take lines; says why. */
  public static HealthCheck.Part influx(MetricsWriterStatus status) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lines_written", status.linesWritten());
    details.put("write_latency_ms", status.lastWriteLatency().toNanos() / 1e6);
    status.lastError().ifPresent(error -> details.put("last_error", error));
    return new HealthCheck.Part("influxdb", status.influxUp(), details);
  }

  /** Always up: a filling spool is how an InfluxDB outage is survived, not a failure of its own. */
  public static HealthCheck.Part spool(MetricsWriterStatus status) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lines", status.spoolLines());
    details.put("bytes", status.spoolBytes());
    details.put("dropped_lines", status.droppedLines());
    details.put("quarantined_lines", status.quarantinedLines());
    return new HealthCheck.Part("spool", true, details);
  }
}
