package org.leitwarte.alerting;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The life of one rule on one series: its alert (pending or firing), its no-data alert, the
 * transitions its condition made recently (for flapping) and the evaluation its annotations are
 * rendered from. It exists only while there is something to remember, so a quiet series costs no
 * track at all. A restored alert whose series has not reported since the restart lives in a track
 * without series ("detached") until the series shows up again.
 */
final class Track {

  static final long NEVER = Long.MIN_VALUE;
  private static final String PARENT = "parent:";

  Rule rule;
  int index;
  Series series;
  final Map<String, String> labels;
  final String id;
  /** The latest evaluation of the series for this rule; null while detached. */
  Evaluation last;
  /** Whether its alerts came from the store after a restart. */
  private boolean restored;
  /** For restored alerts: the first sample or tick after restore(), the baseline of their timers. */
  long restoredAt = NEVER;
  long detachedIntervalMillis = Series.DEFAULT_INTERVAL_MILLIS;

  /** The condition's alert while pending or firing, else null. */
  Alert alert;
  private long alertHeldSince = NEVER;
  /** The no-data alert while firing, else null. */
  Alert noData;
  private long noDataHeldSince = NEVER;
  private long stoppedHoldingAt = NEVER;
  private TransitionWindow transitions;

  Track(Rule rule, int index, Series series, Map<String, String> labels) {
    this.rule = rule;
    this.index = index;
    this.series = series;
    this.labels = labels;
    this.id = AlertFingerprint.of(rule.name(), labels);
  }

  /** The labels of {@code rule}'s alerts on a series with {@code seriesLabels}. */
  static Map<String, String> alertLabels(Rule rule, Map<String, String> seriesLabels) {
    TreeMap<String, String> labels = new TreeMap<>(seriesLabels);
    labels.putAll(rule.labels());
    labels.put("alertname", rule.name());
    labels.put("severity", rule.severity().label());
    return Collections.unmodifiableSortedMap(labels);
  }

  /** The series reported and the rule could judge it: {@code holding} is its verdict. */
  void onSample(Evaluation evaluation, boolean holding, boolean transition, long at, Effects effects) {
    last = evaluation;
    if (restored && restoredAt == NEVER) {
      restoredAt = at;
    }
    if (noData != null) {
      resolveNoData(at, effects);
    }
    Rule.Flapping flapping = rule.flapping();
    if (transition && flapping.enabled()) {
      if (transitions == null || !transitions.fits(flapping.maxChanges())) {
        transitions = new TransitionWindow(flapping.maxChanges());
      }
      transitions.add(at);
    }
    boolean wasFlapping = alert != null && alert.flapping();
    if (!wasFlapping && flapping.enabled() && transitions != null && transitions.exceeded(at, windowMillis())) {
      startFlapping(at, effects);
    } else if (wasFlapping) {
      if (at - lastTransition() >= windowMillis()) {
        endFlapping(holding, at, true, effects);
      } else {
        recheck(at, true, effects);
      }
    } else if (holding) {
      hold(at, effects);
    } else {
      stopHolding(at, true, effects);
    }
  }

  /** Timers: {@code for}, {@code keep_firing_for}, the end of flapping; then suppression. */
  void onTick(long now, Effects effects) {
    if (restored && restoredAt == NEVER) {
      restoredAt = now;
    }
    if (series != null && alert != null) {
      boolean holding = series.holding(index);
      if (alert.flapping()) {
        if (now - lastTransition() >= windowMillis()) {
          endFlapping(holding, now, false, effects);
        }
      } else if (alert.state() == AlertState.PENDING) {
        // Fire from the timer only on fresh evidence: a series that went silent does not fire.
        if (holding && now - alert.activeSince().toEpochMilli() >= rule.forDuration().toMillis()
            && now - series.lastSeen <= 2 * series.intervalMillis) {
          fire(now, false, effects);
        }
      } else if (stoppedHoldingAt != NEVER && now - stoppedHoldingAt >= rule.keepFiringFor().toMillis()) {
        resolve(now, effects);
      }
    }
    recheck(now, false, effects);
  }

  /** The series no longer matches the rule, or stopped holding: as if the condition were false. */
  void stopHolding(long at, boolean fromSample, Effects effects) {
    if (alert == null) {
      return;
    }
    if (alert.state() == AlertState.PENDING) {
      vanish(at, effects);
    } else if (!alert.flapping()) {
      if (stoppedHoldingAt == NEVER) {
        stoppedHoldingAt = at;
      }
      if (at - stoppedHoldingAt >= rule.keepFiringFor().toMillis()) {
        resolve(at, effects);
      } else {
        recheck(at, fromSample, effects);
      }
    }
  }

  /** Ends everything this track announced (rule removed, device removed). */
  void resolveAll(long at, Effects effects) {
    if (alert != null) {
      if (alert.state() == AlertState.PENDING) {
        vanish(at, effects);
      } else {
        resolve(at, effects);
      }
    }
    if (noData != null) {
      resolveNoData(at, effects);
    }
  }

  void raiseNoData(long at, int intervals, long intervalMillis, long lastSeen, Effects effects) {
    TreeMap<String, String> noDataLabels = new TreeMap<>(labels);
    noDataLabels.put("nodata", "true");
    long activeSince = lastSeen == NEVER ? at : lastSeen;
    noData = new Alert(
        AlertFingerprint.of(rule.name(), noDataLabels), rule.name(), rule.severity(), AlertState.FIRING,
        noDataLabels, Rendering.noDataAnnotations(rule, noDataLabels, intervals, intervalMillis, lastSeen),
        java.time.Instant.ofEpochMilli(activeSince), java.time.Instant.ofEpochMilli(at), Optional.empty(),
        effects.suppressedBy(noDataLabels, at), false);
    noDataHeldSince = NEVER;
    effects.changed(null, noData, at);
  }

  void resolveNoData(long at, Effects effects) {
    Alert resolved = copy(noData, AlertState.RESOLVED, at, noData.suppressedBy(), false);
    effects.changed(noData, resolved, at);
    noData = null;
  }

  /** Nothing left to remember: no alert, and no transition recent enough to count for flapping. */
  boolean idle(long now) {
    return alert == null && noData == null
        && (transitions == null || transitions.isEmpty() || now - transitions.last() >= windowMillis());
  }

  void restore(Alert alert) {
    restored = true;
    if ("true".equals(alert.labels().get("nodata"))) {
      noData = alert;
    } else {
      this.alert = alert;
    }
  }

  private void hold(long at, Effects effects) {
    stoppedHoldingAt = NEVER;
    if (alert == null) {
      Optional<Double> value = Rendering.value(rule, last);
      AlertState state = rule.forDuration().isZero() ? AlertState.FIRING : AlertState.PENDING;
      alert = new Alert(id, rule.name(), rule.severity(), state, labels,
          Rendering.annotations(rule, labels, last, value, at), java.time.Instant.ofEpochMilli(at),
          java.time.Instant.ofEpochMilli(at), value, effects.suppressedBy(labels, at), false);
      alertHeldSince = NEVER;
      effects.changed(null, alert, at);
    } else if (alert.state() == AlertState.PENDING
        && at - alert.activeSince().toEpochMilli() >= rule.forDuration().toMillis()) {
      fire(at, true, effects);
    } else {
      recheck(at, true, effects);
    }
  }

  private void fire(long at, boolean fromSample, Effects effects) {
    Alert before = alert;
    alert = rendered(before, AlertState.FIRING, at, judge(before.suppressedBy(), false, at, fromSample, effects), false);
    effects.changed(before, alert, at);
  }

  /** A pending alert whose condition cleared goes away; announced as resolved, but it never notified. */
  private void vanish(long at, Effects effects) {
    Alert before = alert;
    alert = null;
    alertHeldSince = NEVER;
    effects.changed(before, copy(before, AlertState.RESOLVED, at, before.suppressedBy(), false), at);
  }

  private void resolve(long at, Effects effects) {
    Alert before = alert;
    alert = null;
    alertHeldSince = NEVER;
    stoppedHoldingAt = NEVER;
    effects.changed(before, rendered(before, AlertState.RESOLVED, at, before.suppressedBy(), false), at);
  }

  private void startFlapping(long at, Effects effects) {
    Alert before = alert;
    stoppedHoldingAt = NEVER;
    Optional<String> suppressedBy = judge(before == null ? Optional.empty() : before.suppressedBy(), false, at, true, effects);
    if (before != null && before.state() == AlertState.FIRING) {
      alert = copy(before, AlertState.FIRING, before.since().toEpochMilli(), suppressedBy, true);
    } else {
      long activeSince = before != null ? before.activeSince().toEpochMilli() : transitions.oldest();
      Optional<Double> value = Rendering.value(rule, last);
      alert = new Alert(id, rule.name(), rule.severity(), AlertState.FIRING, labels,
          Rendering.annotations(rule, labels, last, value, activeSince), java.time.Instant.ofEpochMilli(activeSince),
          java.time.Instant.ofEpochMilli(at), value, suppressedBy, true);
    }
    effects.changed(before, alert, at);
  }

  private void endFlapping(boolean holding, long at, boolean fromSample, Effects effects) {
    if (!holding) {
      resolve(at, effects);
      return;
    }
    Alert before = alert;
    alert = copy(before, AlertState.FIRING, before.since().toEpochMilli(),
        judge(before.suppressedBy(), false, at, fromSample, effects), false);
    effects.changed(before, alert, at);
  }

  /** Asks the suppressor again about every alert of this track; a different answer is a change. */
  private void recheck(long at, boolean fromSample, Effects effects) {
    if (alert != null) {
      Optional<String> now = judge(alert.suppressedBy(), false, at, fromSample, effects);
      if (!now.equals(alert.suppressedBy())) {
        Alert before = alert;
        alert = copy(before, before.state(), before.since().toEpochMilli(), now, before.flapping());
        effects.changed(before, alert, at);
      }
    }
    if (noData != null) {
      Optional<String> now = judge(noData.suppressedBy(), true, at, fromSample, effects);
      if (!now.equals(noData.suppressedBy())) {
        Alert before = noData;
        noData = copy(before, before.state(), before.since().toEpochMilli(), now, false);
        effects.changed(before, noData, at);
      }
    }
  }

  /**
   * The suppression of an alert now. When a parent comes back, its children's alerts still say what
   * they said while it was down: they stay suppressed until their own series reports a sample newer
   * than the moment the release was noticed (at most two polling intervals), so that they resolve
   * quietly instead of paging for a moment.
   */
  private Optional<String> judge(Optional<String> before, boolean ofNoData, long at, boolean fromSample, Effects effects) {
    Optional<String> now = effects.suppressedBy(ofNoData ? noData.labels() : labels, at);
    boolean releasingParent = now.isEmpty() && before.isPresent() && before.get().startsWith(PARENT);
    if (!releasingParent) {
      setHeldSince(ofNoData, NEVER);
      return now;
    }
    long heldSince = ofNoData ? noDataHeldSince : alertHeldSince;
    if (heldSince == NEVER) {
      setHeldSince(ofNoData, at);
      return before;
    }
    long interval = series == null ? detachedIntervalMillis : series.intervalMillis;
    boolean judgedAgain = fromSample && at > heldSince;
    return judgedAgain || at - heldSince >= 2 * interval ? now : before;
  }

  private void setHeldSince(boolean ofNoData, long at) {
    if (ofNoData) {
      noDataHeldSince = at;
    } else {
      alertHeldSince = at;
    }
  }

  private Alert rendered(Alert from, AlertState state, long since, Optional<String> suppressedBy, boolean flapping) {
    Optional<Double> value = last == null ? from.value() : Rendering.value(rule, last);
    Map<String, Map<String, String>> annotations = last == null
        ? from.annotations()
        : Rendering.annotations(rule, labels, last, value, from.activeSince().toEpochMilli());
    return new Alert(from.id(), from.rule(), from.severity(), state, from.labels(), annotations, from.activeSince(),
        java.time.Instant.ofEpochMilli(since), value, suppressedBy, flapping);
  }

  private static Alert copy(Alert from, AlertState state, long since, Optional<String> suppressedBy, boolean flapping) {
    return new Alert(from.id(), from.rule(), from.severity(), state, from.labels(), from.annotations(), from.activeSince(),
        java.time.Instant.ofEpochMilli(since), from.value(), suppressedBy, flapping);
  }

  private long windowMillis() {
    return rule.flapping().window().toMillis();
  }

  private long lastTransition() {
    long lastTransition = restoredAt;
    if (transitions != null && !transitions.isEmpty()) {
      lastTransition = Math.max(lastTransition, transitions.last());
    }
    return lastTransition;
  }
}
