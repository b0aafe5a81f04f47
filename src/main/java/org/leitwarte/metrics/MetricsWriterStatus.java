package org.leitwarte.metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * What the metrics writer reports for health checks and dashboards; a snapshot, counters since start.
 *
 * @param influxUp whether the last request to InfluxDB succeeded
 * @param spooling whether new lines go to the spool (InfluxDB was away and the spool is not drained yet)
 * @param linesWritten lines InfluxDB accepted
 * @param batchesWritten batches (direct writes and replayed chunks) InfluxDB accepted
 * @param lastWriteLatency duration of the last successful write request, zero before the first
 * @param spoolBytes bytes waiting in the spool
 * @param spoolLines lines waiting in the spool
 * @param droppedLines lines lost because the spool was full (or could not be written)
 * @param quarantinedLines lines InfluxDB refused as malformed, kept in the quarantine file
 * @param lastError the last problem seen (unreachable InfluxDB, refused lines, spool trouble)
 */
public record MetricsWriterStatus(
    boolean influxUp,
    boolean spooling,
    long linesWritten,
    long batchesWritten,
    Duration lastWriteLatency,
    long spoolBytes,
    long spoolLines,
    long droppedLines,
    long quarantinedLines,
    Optional<String> lastError) {}
