package org.leitwarte.collect.icmp;

/**
 * Counters of an {@link IcmpCollector} since it was created, for metrics and tests.
 *
 * @param requests poll() calls
 * @param processesStarted fping processes started for batches (start-up checks not counted)
 * @param targetsPinged addresses handed to fping, summed over all processes (shared addresses once)
 * @param largestBatch the most addresses one fping process was given
 * @param peakProcessesRunning the most fping processes that ran at the same time
 * @param processesKilled processes killed because they missed their deadline
 */
public record IcmpStats(
    long requests,
    long processesStarted,
    long targetsPinged,
    int largestBatch,
    int peakProcessesRunning,
    long processesKilled) {}
