package org.leitwarte.alerting;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the evaluator has done since it started, for {@code /metrics} and {@code /health}.
 *
 * @param samples samples accepted (of every measurement, with or without rules)
 * @param evaluations condition and clear-condition tests run
 * @param series series (measurement and tags) the evaluator keeps state for
 * @param errorsByRule per rule name: samples skipped because its condition could not be evaluated
 * @param alertsByState pending and firing alerts (including no-data alerts), by state
 * @param suppressed how many of those are suppressed
 */
public record EvaluatorStats(
    long samples, long evaluations, long series, Map<String, Long> errorsByRule, Map<AlertState, Integer> alertsByState, int suppressed) {

  public EvaluatorStats {
    errorsByRule = java.util.Collections.unmodifiableMap(new TreeMap<>(errorsByRule));
    EnumMap<AlertState, Integer> states = new EnumMap<>(AlertState.class);
    states.put(AlertState.PENDING, 0);
    states.put(AlertState.FIRING, 0);
    states.putAll(alertsByState);
    alertsByState = java.util.Collections.unmodifiableMap(states);
  }

  public int alerts(AlertState state) {
    return alertsByState.getOrDefault(state, 0);
  }
}
