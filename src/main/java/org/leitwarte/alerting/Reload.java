package org.leitwarte.alerting;

import java.util.Map;

/** {@link AlertEvaluator#replaceRules}: carries the state of unchanged rules over to a new rule set. */
final class Reload {

  private Reload() {}

  static void apply(AlertEvaluator evaluator, RuleSet next, long at) {
    Effects effects = evaluator.effects();
    Map<String, MeasurementRules> fresh = AlertEvaluator.index(next);
    for (MeasurementRules old : evaluator.tables().values()) {
      for (int index = 0; index < old.rules.length; index++) {
        evaluator.errorsOfEarlierRuleSets().merge(old.rules[index].name(), old.errors[index], Long::sum);
      }
      MeasurementRules now = fresh.get(old.measurement);
      int[] moved = new int[old.rules.length];
      for (int index = 0; index < old.rules.length; index++) {
        Rule rule = next.rule(old.rules[index].name()).orElse(null);
        moved[index] = rule != null && sameIdentity(old.rules[index], rule) ? now.indexOf(rule.name()) : -1;
      }
      for (Series series : old.series.values()) {
        carryOver(evaluator, series, old, now, moved, at);
      }
    }
    evaluator.restored().reload(next, at, effects, evaluator.tracks());
    evaluator.errorsOfEarlierRuleSets().keySet().removeIf(name -> next.rule(name).isEmpty());
    evaluator.install(next, fresh);
  }

  private static void carryOver(
      AlertEvaluator evaluator, Series series, MeasurementRules old, MeasurementRules now, int[] moved, long at) {
    Effects effects = evaluator.effects();
    byte[] states = new byte[now == null ? 0 : now.rules.length];
    Track[] kept = new Track[states.length];
    for (int index = 0; index < old.rules.length; index++) {
      Track track = series.track(index);
      int to = moved[index];
      if (to < 0) {
        if (track != null) {
          track.resolveAll(at, effects);
          evaluator.tracks().remove(track.id, track);
        }
        continue;
      }
      states[to] = series.states[index];
      if (track != null) {
        track.rule = now.rules[to];
        track.index = to;
        kept[to] = track;
      }
    }
    if (now == null) {
      return;
    }
    series.states = states;
    series.tracks = kept;
    for (int index : series.match(now.rules)) {
      evaluator.stopHolding(series.track(index), at);
    }
    for (int index = 0; index < kept.length; index++) {
      Track track = kept[index];
      if (track != null && track.noData != null && track.rule.noData().isEmpty()) {
        track.resolveNoData(at, effects);
        evaluator.dropIfIdle(track, at);
      }
    }
    now.series.put(series.key, series);
    series.slot = -1;
    now.watch(series);
  }

  /** Whether the alerts of {@code before} and {@code after} have the same labels, hence ids. */
  static boolean sameIdentity(Rule before, Rule after) {
    return before.measurement().equals(after.measurement())
        && before.severity() == after.severity()
        && before.labels().equals(after.labels());
  }

  /** Whether {@code labels} (of a stored alert) are what {@code rule} gives its alerts. */
  static boolean carriesLabels(Rule rule, Map<String, String> labels) {
    if (!rule.name().equals(labels.get("alertname")) || !rule.severity().label().equals(labels.get("severity"))) {
      return false;
    }
    for (Map.Entry<String, String> label : rule.labels().entrySet()) {
      if (!label.getValue().equals(labels.get(label.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
