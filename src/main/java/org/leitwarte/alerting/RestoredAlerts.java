package org.leitwarte.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Alerts put back from the store after a restart, until their series reports again (then the series
 * adopts their track), and the ones that cannot be continued because their rule is gone (resolved by
 * the next tick).
 */
final class RestoredAlerts {

  /** Tracks whose series has not reported since the restart, by rule name and id. */
  private final Map<String, Map<String, Track>> waiting = new LinkedHashMap<>();
  private final List<Alert> orphans = new ArrayList<>();

  /** Takes {@code alerts} in; new tracks go into {@code tracks} as well. */
  void restore(Collection<Alert> alerts, RuleSet rules, Map<String, Track> tracks, ToLongFunction<String> intervalOf) {
    for (Alert alert : alerts) {
      if (alert.state() == AlertState.RESOLVED) {
        continue;
      }
      boolean noData = "true".equals(alert.labels().get("nodata"));
      Map<String, String> labels = new LinkedHashMap<>(alert.labels());
      if (noData) {
        labels.remove("nodata");
      }
      Rule rule = rules.rule(alert.rule()).orElse(null);
      if (rule == null || !Reload.carriesLabels(rule, labels) || (noData && rule.noData().isEmpty())) {
        orphans.add(alert);
        continue;
      }
      String id = AlertFingerprint.of(rule.name(), labels);
      Track track = tracks.get(id);
      if (track == null) {
        track = new Track(rule, -1, null, Map.copyOf(labels));
        track.detachedIntervalMillis = intervalOf.applyAsLong(alert.device());
        tracks.put(id, track);
        waiting.computeIfAbsent(rule.name(), name -> new LinkedHashMap<>()).put(id, track);
      }
      if ((noData ? track.noData : track.alert) == null) {
        track.restore(alert);
      }
    }
  }

  /** A series reports for the first time: it continues the restored alerts that are its own. */
  void adopt(MeasurementRules table, Series series) {
    if (waiting.isEmpty()) {
      return;
    }
    for (int index = 0; index < table.rules.length; index++) {
      Rule rule = table.rules[index];
      Map<String, Track> ofRule = waiting.get(rule.name());
      if (ofRule == null || series.states[index] == Series.UNMATCHED) {
        continue;
      }
      Track track = ofRule.remove(AlertFingerprint.of(rule.name(), Track.alertLabels(rule, series.labels)));
      if (track != null) {
        track.series = series;
        track.index = index;
        series.track(index, track);
      }
      if (ofRule.isEmpty()) {
        waiting.remove(rule.name());
      }
    }
  }

  void forget(Track track) {
    Map<String, Track> ofRule = waiting.get(track.rule.name());
    if (ofRule != null) {
      ofRule.remove(track.id, track);
      if (ofRule.isEmpty()) {
        waiting.remove(track.rule.name());
      }
    }
  }

  /** Restored alerts of rules that are gone end now. */
  void resolveOrphans(long at, Effects effects) {
    for (Alert orphan : orphans) {
      effects.changed(orphan, new Alert(orphan.id(), orphan.rule(), orphan.severity(), AlertState.RESOLVED,
          orphan.labels(), orphan.annotations(), orphan.activeSince(), Instant.ofEpochMilli(at), orphan.value(),
          orphan.suppressedBy(), false), at);
    }
    orphans.clear();
  }

  /** A new rule set: waiting tracks of rules that keep their identity wait on, the others end. */
  void reload(RuleSet next, long at, Effects effects, Map<String, Track> tracks) {
    for (Iterator<Map<String, Track>> byRule = waiting.values().iterator(); byRule.hasNext(); ) {
      Map<String, Track> ofRule = byRule.next();
      for (Iterator<Track> it = ofRule.values().iterator(); it.hasNext(); ) {
        Track track = it.next();
        Rule rule = next.rule(track.rule.name()).orElse(null);
        if (rule != null && Reload.sameIdentity(track.rule, rule)) {
          track.rule = rule;
          if (rule.noData().isEmpty() && track.noData != null) {
            track.resolveNoData(at, effects);
          }
        } else {
          track.resolveAll(at, effects);
        }
        if (track.idle(at)) {
          it.remove();
          tracks.remove(track.id, track);
        }
      }
      if (ofRule.isEmpty()) {
        byRule.remove();
      }
    }
  }
}
