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
  /** Whether some rule reads {@link Evaluation#previous}, so that series keep their previous sample. */
  final boolean keepsPrevious;
  /** Keyed by the sample's tags: the series' identity. */
  final Map<Map<String, String>, Series> series = new HashMap<>();

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
