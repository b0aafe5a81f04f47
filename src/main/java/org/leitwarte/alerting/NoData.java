package org.leitwarte.alerting;

/**
 * The no-data part of {@link AlertEvaluator#tick}: series that went silent for N of their intervals.
 * A scan visits every series of a measurement, so each measurement remembers the earliest moment a
 * scan can find something to do, and ticks before it skip the measurement: with series reporting
 * regularly that is one scan per polling interval or so, not one per tick.
 */
final class NoData {

  private NoData() {}

  static void scan(AlertEvaluator evaluator, long at) {
    for (MeasurementRules table : evaluator.tables().values()) {
      if (table.noDataRules.length == 0 || at < table.nextNoDataScan) {
        continue;
      }
      long next = Long.MAX_VALUE;
      long[] deadlines = table.noDataDeadlines;
      for (int slot = 0; slot < table.noDataSlots; slot++) {
        long deadline = deadlines[slot];
        next = Math.min(next, deadline > at ? deadline : judge(evaluator, table, table.noDataSeries[slot], at));
      }
      table.nextNoDataScan = next;
    }
  }

  /** A series silent for at least the fewest intervals: its rules one by one; returns when to look again. */
  private static long judge(AlertEvaluator evaluator, MeasurementRules table, Series series, long at) {
    long next = Long.MAX_VALUE;
    for (int index : table.noDataRules) {
      if (series.states[index] == Series.UNMATCHED) {
        continue;
      }
      Rule rule = table.rules[index];
      int intervals = rule.noData().get();
      long deadline = series.lastSeen + intervals * series.intervalMillis;
      Track track = series.track(index);
      boolean active = track != null && track.noData != null;
      if (at < deadline && !active) {
        next = Math.min(next, deadline);
        continue;
      }
      // Silent, or alerting: look again next interval (the device may go down or come back).
      next = Math.min(next, at + series.intervalMillis);
      boolean due = at >= deadline && !evaluator.sourceDown(series.device, table.measurement);
      if (due && !active) {
        track = track != null ? track : evaluator.newTrack(series, index, rule);
        track.raiseNoData(at, intervals, series.intervalMillis, series.lastSeen, evaluator.effects());
      } else if (!due && active) {
        track.resolveNoData(at, evaluator.effects());
        evaluator.dropIfIdle(track, at);
      }
    }
    return next;
  }

  /** A restored alert whose series has not reported since the restart is silent since then. */
  static void judgeDetached(AlertEvaluator evaluator, Track track, long at) {
    Rule rule = track.rule;
    if (rule.noData().isEmpty() || track.restoredAt == Track.NEVER) {
      return;
    }
    int intervals = rule.noData().get();
    String device = track.labels.getOrDefault("device", "");
    boolean due = at - track.restoredAt >= intervals * track.detachedIntervalMillis
        && !evaluator.sourceDown(device, rule.measurement());
    if (due && track.noData == null) {
      track.raiseNoData(at, intervals, track.detachedIntervalMillis, Track.NEVER, evaluator.effects());
    } else if (!due && track.noData != null && evaluator.sourceDown(device, rule.measurement())) {
      track.resolveNoData(at, evaluator.effects());
    }
  }
}
