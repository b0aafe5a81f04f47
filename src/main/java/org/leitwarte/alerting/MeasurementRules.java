package org.leitwarte.alerting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules of one measurement, and the series of that measurement the evaluator has seen. */
final class MeasurementRules {

  final String measurement;
  final Rule[] rules;
  /** Per rule: samples its condition could not judge. */
  final long[] errors;
  /** Indexes of the rules with a {@code no_data} setting. */
  final int[] noDataRules;
  /** The smallest {@code no_data} of its rules. */
  final int fewestNoDataIntervals;
  /** Whether some rule reads {@link Evaluation#previous}, so that series keep their previous sample. */
  final boolean keepsPrevious;
  /** Keyed by the sample's tags: the series' identity. */
  final Map<SeriesKey, Series> series = new HashMap<>();
  /** No series of a no-data rule can be due before this; {@link NoData#scan} skips until then. */
  long nextNoDataScan = Long.MIN_VALUE;
  /**
   * With no-data rules: per series slot, the moment it has been silent for {@link
   * #fewestNoDataIntervals}, in one dense array so that a scan reads memory in order and visits only
   * the series that are due.
   */
  long[] noDataDeadlines = new long[0];
  Series[] noDataSeries = new Series[0];
  int noDataSlots;

  MeasurementRules(String measurement, List<Rule> rules) {
    this.measurement = measurement;
    this.rules = rules.toArray(Rule[]::new);
    this.errors = new long[this.rules.length];
    this.noDataRules = java.util.stream.IntStream.range(0, this.rules.length)
        .filter(i -> this.rules[i].noData().isPresent())
        .toArray();
    boolean previous = false;
    for (Rule rule : this.rules) {
      previous |= rule.condition().usesPrevious()
          || rule.clearCondition().map(Rule.Condition::usesPrevious).orElse(false)
          || rule.value().map(Rule.ValueExpression::usesPrevious).orElse(false);
    }
    this.keepsPrevious = previous;
    this.fewestNoDataIntervals = java.util.Arrays.stream(noDataRules)
        .map(i -> this.rules[i].noData().get())
        .min()
        .orElse(Integer.MAX_VALUE);
  }

  /** Gives {@code series} a no-data slot, if this measurement has no-data rules. */
  void watch(Series series) {
    if (noDataRules.length == 0) {
      return;
    }
    if (noDataSlots == noDataSeries.length) {
      int size = Math.max(16, noDataSlots * 2);
      noDataSeries = java.util.Arrays.copyOf(noDataSeries, size);
      noDataDeadlines = java.util.Arrays.copyOf(noDataDeadlines, size);
    }
    series.slot = noDataSlots++;
    noDataSeries[series.slot] = series;
    reported(series, series.lastSeen);
  }

  /** {@code series} reported at {@code at} (or its interval changed). */
  void reported(Series series, long at) {
    if (series.slot >= 0) {
      long deadline = at == Track.NEVER ? Long.MAX_VALUE : at + fewestNoDataIntervals * series.intervalMillis;
      noDataDeadlines[series.slot] = deadline;
      nextNoDataScan = Math.min(nextNoDataScan, deadline);
    }
  }

  void unwatch(Series series) {
    if (series.slot >= 0) {
      noDataSeries[series.slot] = null;
      noDataDeadlines[series.slot] = Long.MAX_VALUE;
      series.slot = -1;
    }
  }

  /** Removes and returns the series of {@code deviceId}. */
  java.util.List<Series> removeDevice(String deviceId) {
    java.util.List<Series> removed = new java.util.ArrayList<>();
    for (java.util.Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
      Series one = it.next();
      if (one.device.equals(deviceId)) {
        it.remove();
        unwatch(one);
        removed.add(one);
      }
    }
    return removed;
  }

  int indexOf(String ruleName) {
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].name().equals(ruleName)) {
        return i;
      }
    }
    return -1;
  }
}
