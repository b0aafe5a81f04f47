package org.leitwarte.alerting;

/** The no-data part of {@link AlertEvaluator#tick}: series that went silent for N of their intervals. */
final class NoData {

  private NoData() {}

  /** Every series of every rule with {@code noData}: a plain loop over a few longs per series. */
  static void scan(AlertEvaluator evaluator, long at) {
    Effects effects = evaluator.effects();
    for (MeasurementRules table : evaluator.tables().values()) {
      if (table.noDataRules.length == 0) {
        continue;
      }
      for (Series series : table.series.values()) {
        long silent = at - series.lastSeen;
        for (int index : table.noDataRules) {
          if (series.states[index] == Series.UNMATCHED) {
            continue;
          }
          Rule rule = table.rules[index];
          int intervals = rule.noData().get();
          Track track = series.track(index);
          boolean active = track != null && track.noData != null;
          if (silent < intervals * series.intervalMillis && !active) {
            continue;
          }
          boolean due = silent >= intervals * series.intervalMillis && !evaluator.sourceDown(series.device, table.measurement);
          if (due && !active) {
            track = track != null ? track : evaluator.newTrack(series, index, rule);
            track.raiseNoData(at, intervals, series.intervalMillis, series.lastSeen, effects);
          } else if (!due && active) {
            track.resolveNoData(at, effects);
            evaluator.dropIfIdle(track, at);
          }
        }
      }
    }
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
