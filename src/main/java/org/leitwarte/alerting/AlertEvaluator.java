package org.leitwarte.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.Rule.Condition.Verdict;
import org.leitwarte.collect.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the sample stream into alerts: a pure, single-threaded, deterministic state machine. Time is
 * the sample's own timestamp in {@link #accept} and the caller's clock in {@link #tick}; nothing here
 * reads a clock, blocks or touches Vert.x. Not thread-safe: one thread (one verticle) owns it.
 *
 * <p><b>Series and labels.</b> A sample meets the rules of its measurement only. Its series is the
 * measurement and its tags. A rule sees the sample's tags over the device's inventory labels (an
 * unknown device adds none) and matches when all its matchers do. An alert's labels are those, then
 * the rule's labels, then {@code alertname} and {@code severity}, each overriding the one before; its
 * id is {@link AlertFingerprint} of rule name and labels. An alert keeps the labels it was born
 * with until it ends, even when the device's inventory labels change meanwhile. A sample older than
 * the latest of its series is ignored.
 *
 * <p><b>Lifecycle</b> per rule and series. Condition true: the alert is PENDING (activeSince = that
 * sample), FIRING once it has held for {@code for} (checked on samples and on ticks; a tick fires it
 * only if the series reported within its last two intervals), at once when {@code for} is zero. It
 * resolves when the condition is false (with a {@code clearCondition}: once that is true, so a value
 * between the two thresholds keeps a firing alert firing, while a pending alert needs the condition
 * itself) and has been so for {@code keepFiringFor}. A pending alert whose condition clears goes away
 * with a change to RESOLVED whose previous state is PENDING: it never notified (neither {@link
 * AlertChange#startsNotifying} nor {@link AlertChange#stopsNotifying}), but the store learns it is
 * gone. A series that stops matching a rule counts as "condition false". Verdict ERROR (or a
 * condition that throws): that sample is skipped for that rule, counted per rule in {@link #stats}.
 * Value and annotations (de, en) are computed when an alert becomes pending, fires, starts or stops
 * flapping, or resolves; a change of suppression alone keeps them.
 *
 * <p><b>Flapping.</b> Transitions are changes of the rule's verdict between samples of a series (with
 * a clear condition: of its hysteresis state). More than {@code maxChanges} within {@code window}:
 * the alert fires at once with {@code flapping = true}, whatever {@code for} says, and stays FIRING
 * until no transition has happened for {@code window}; then it resolves if the verdict is false, or
 * fires on as a normal alert ({@code flapping = false}, a change that does not notify again).
 *
 * <p><b>No data</b> (rules with {@code noData = N}). A series that matched the rule and has sent
 * nothing for N × its device's interval (60 s when unknown) gets a second alert of the same rule:
 * FIRING at once, labels plus {@code nodata="true"} (its own id), activeSince = the last sample, the
 * rule's annotations (rendered without fields or value) plus a {@code nodata} text. Not while the
 * device is down ({@link #reachability}) — its own alert covers it — nor, for measurements other
 * than {@code icmp}, while its latest {@code snmp} sample says unreachable (one SNMP outage must not
 * become sixty no-data alerts); a no-data alert that is active when that happens resolves. It
 * resolves when the series reports again. The condition's alert keeps its last state meanwhile.
 *
 * <p><b>Suppression.</b> Pending and firing alerts carry {@code suppressor.suppressedBy(labels, t)},
 * asked again on every sample of their series and on every tick; a different answer alone is a
 * change. When a {@code parent:} reason goes away, the alert stays suppressed until its series has
 * reported a sample newer than that moment (at most two intervals): the children of a router that
 * comes back resolve quietly instead of paging for a moment. Resolved alerts keep the reason they
 * had, so that a suppressed alert resolves without notifying.
 *
 * <p><b>Restart.</b> {@link #restore} takes pending and firing alerts from the store, before the
 * first sample. The first sample of their series continues them under the same id: a firing alert
 * with a true condition announces nothing again. Until then they are active as they were; a restored
 * alert of a rule with {@code noData} whose series stays silent for N intervals after the restart
 * gets its no-data alert. Restored alerts of rules that no longer exist (or whose labels or severity
 * changed) are resolved by the next {@link #tick}.
 *
 * <p><b>Reload.</b> {@link #replaceRules} keeps the state of every rule whose name, measurement,
 * severity and labels are unchanged (its alerts' identity); conditions, matchers and timings may
 * change. The alerts of other rules resolve, with changes. A device removed from the inventory is
 * passed to {@link #forgetDevice}; its alerts resolve. A silent series of a device that still exists
 * is never forgotten.
 *
 * <p><b>Cost.</b> Per sample: one hash look-up of the series (by its tags, with a hash that spreads),
 * one of the device, and the conditions of the rules that match it (matching is worked out once per
 * series); a series with nothing to remember holds no track, and keeps its previous sample only if a
 * rule reads it ({@link Rule.Condition#usesPrevious}). A tick visits the tracks (alerts and recent
 * flapping) and, only when one can be due, the dense no-data deadlines of all series.
 */
public final class AlertEvaluator {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

  private final DeviceDirectory devices;
  private final Effects effects;
  private final SampleReachability reachability = new SampleReachability();
  private RuleSet rules;
  private Map<String, MeasurementRules> tables;
  /** Every track by its alert id, in order of appearance (so that ticks are deterministic). */
  private final Map<String, Track> tracks = new LinkedHashMap<>();
  private final RestoredAlerts restored = new RestoredAlerts();
  private final Map<String, Long> errorsOfEarlierRuleSets = new LinkedHashMap<>();
  private final Set<String> rulesThatThrew = new HashSet<>();
  private final SeriesKey probe = new SeriesKey();
  private long samples;
  private long evaluations;

  public AlertEvaluator(RuleSet rules, DeviceDirectory devices, Suppressor suppressor) {
    this.devices = Objects.requireNonNull(devices, "devices");
    this.effects = new Effects(Objects.requireNonNull(suppressor, "suppressor"));
    this.rules = Objects.requireNonNull(rules, "rules");
    this.tables = index(rules);
  }

  /** Judges {@code sample} at its own time; returns what changed, in order. */
  public List<AlertChange> accept(Sample sample) {
    samples++;
    if (reachability.observe(sample)) {
      // A device went down or came back: no-data alerts of its series may start or end.
      tables.values().forEach(table -> table.nextNoDataScan = Long.MIN_VALUE);
    }
    MeasurementRules table = tables.get(sample.measurement());
    if (table == null) {
      return List.of();
    }
    long at = sample.timestampMillis();
    Series series = table.series.get(probe.probe(sample.tags()));
    if (series == null) {
      series = new Series(SeriesKey.of(sample.tags()), deviceInfo(sample.tag("device")), table.rules.length);
      series.match(table.rules);
      table.series.put(series.key, series);
      table.watch(series);
      restored.adopt(table, series);
    } else if (at < series.lastSeen) {
      return List.of();
    } else {
      DeviceDirectory.DeviceInfo info = deviceInfo(series.device);
      if (info != series.info && !Objects.equals(info, series.info)) {
        series.describe(info);
        for (int index : series.match(table.rules)) {
          stopHolding(series.track(index), at);
        }
      }
    }
    Evaluation evaluation = new Evaluation(sample, series.labels, Optional.ofNullable(series.previous),
        reachability.isDown(series.device), reachability.isPinged(series.device));
    for (int index = 0; index < table.rules.length; index++) {
      if (series.states[index] != Series.UNMATCHED) {
        evaluate(table, series, index, evaluation, at);
      }
    }
    if (series.slot >= 0 && at != series.lastSeen) {
      table.reported(series, at);
    }
    series.lastSeen = at;
    series.previous = table.keepsPrevious ? sample : null;
    return effects.drain();
  }

  /** Timers, no-data, flapping stability and suppression, at {@code now}; returns what changed. */
  public List<AlertChange> tick(Instant now) {
    long at = now.toEpochMilli();
    restored.resolveOrphans(at, effects);
    NoData.scan(this, at);
    for (Track track : new ArrayList<>(tracks.values())) {
      if (track.series == null) {
        NoData.judgeDetached(this, track, at);
      }
      track.onTick(at, effects);
      dropIfIdle(track, at);
    }
    return effects.drain();
  }

  /** Puts pending and firing alerts from the store back; call before the first sample. */
  public void restore(Collection<Alert> active) {
    restored.restore(active, rules, tracks, this::intervalOf);
  }

  /** Hot reload: see the class comment. Returns the resolutions of alerts whose rule went away. */
  public List<AlertChange> replaceRules(RuleSet next, Instant now) {
    Reload.apply(this, Objects.requireNonNull(next, "rules"), now.toEpochMilli());
    return effects.drain();
  }

  /**
   * Forgets a device removed from the inventory: its alerts resolve (with changes), its series and
   * reachability are dropped.
   */
  public List<AlertChange> forgetDevice(String deviceId, Instant now) {
    long at = now.toEpochMilli();
    for (MeasurementRules table : tables.values()) {
      for (Series series : table.removeDevice(deviceId)) {
        for (int index = 0; series.tracks != null && index < series.tracks.length; index++) {
          Track track = series.tracks[index];
          if (track != null) {
            track.resolveAll(at, effects);
            tracks.remove(track.id, track);
          }
        }
      }
    }
    for (Track track : new ArrayList<>(tracks.values())) {
      if (track.series == null && deviceId.equals(track.labels.get("device"))) {
        track.resolveAll(at, effects);
        dropIfIdle(track, at);
      }
    }
    reachability.forget(deviceId);
    return effects.drain();
  }

  /** Pending and firing alerts (no-data alerts included), restored ones too. */
  public Collection<Alert> active() {
    List<Alert> active = new ArrayList<>();
    for (Track track : tracks.values()) {
      if (track.alert != null) {
        active.add(track.alert);
      }
      if (track.noData != null) {
        active.add(track.noData);
      }
    }
    return active;
  }

  /** Reachability as judged from the {@code icmp} and {@code snmp} samples accepted so far. */
  public SampleReachability reachability() {
    return reachability;
  }

  public RuleSet rules() {
    return rules;
  }

  public EvaluatorStats stats() {
    Map<String, Long> errors = new LinkedHashMap<>(errorsOfEarlierRuleSets);
    long seriesCount = 0;
    for (MeasurementRules table : tables.values()) {
      seriesCount += table.series.size();
      for (int index = 0; index < table.rules.length; index++) {
        errors.merge(table.rules[index].name(), table.errors[index], Long::sum);
      }
    }
    Map<AlertState, Integer> byState = new java.util.EnumMap<>(AlertState.class);
    int suppressed = 0;
    for (Alert alert : active()) {
      byState.merge(alert.state(), 1, Integer::sum);
      suppressed += alert.suppressedBy().isPresent() ? 1 : 0;
    }
    return new EvaluatorStats(samples, evaluations, seriesCount, errors, byState, suppressed);
  }

  private void evaluate(MeasurementRules table, Series series, int index, Evaluation evaluation, long at) {
    Rule rule = table.rules[index];
    Track track = series.track(index);
    if (track != null && track.noData != null) {
      track.resolveNoData(at, effects);
    }
    Verdict verdict = test(rule, rule.condition(), evaluation);
    boolean holding = verdict == Verdict.TRUE;
    if (verdict != Verdict.ERROR && !holding && rule.clearCondition().isPresent()
        && track != null && track.alert != null && track.alert.state() == AlertState.FIRING) {
      Verdict clear = test(rule, rule.clearCondition().get(), evaluation);
      verdict = clear == Verdict.ERROR ? Verdict.ERROR : verdict;
      holding = clear == Verdict.FALSE;
    }
    if (verdict == Verdict.ERROR) {
      table.errors[index]++;
      return;
    }
    byte before = series.states[index];
    boolean transition = before == (holding ? Series.NOT_HOLDING : Series.HOLDING);
    series.states[index] = holding ? Series.HOLDING : Series.NOT_HOLDING;
    if (track == null) {
      if (!holding) {
        return;
      }
      track = newTrack(series, index, rule);
    }
    track.onSample(evaluation, holding, transition, at, effects);
    dropIfIdle(track, at);
  }

  private Verdict test(Rule rule, Rule.Condition condition, Evaluation evaluation) {
    evaluations++;
    try {
      Verdict verdict = condition.test(evaluation);
      return verdict == null ? Verdict.ERROR : verdict;
    } catch (RuntimeException e) {
      if (rulesThatThrew.add(rule.name())) {
        LOG.warn("rule '{}' ({}): condition '{}' failed on {} of device '{}': {}", rule.name(), rule.source(),
            condition.expression(), evaluation.sample().measurement(), evaluation.sample().tag("device"), e.toString());
      }
      return Verdict.ERROR;
    }
  }

  Track newTrack(Series series, int index, Rule rule) {
    Track track = new Track(rule, index, series, Track.alertLabels(rule, series.labels));
    series.track(index, track);
    tracks.putIfAbsent(track.id, track);
    return track;
  }

  void stopHolding(Track track, long at) {
    if (track != null) {
      track.stopHolding(at, false, effects);
      dropIfIdle(track, at);
    }
  }

  void dropIfIdle(Track track, long at) {
    if (!track.idle(at)) {
      return;
    }
    if (track.series != null) {
      track.series.track(track.index, null);
    } else {
      restored.forget(track);
    }
    tracks.remove(track.id, track);
  }

  /** Whether what feeds {@code measurement} of {@code device} is known to be out of reach. */
  boolean sourceDown(String device, String measurement) {
    return reachability.isDown(device) || (!measurement.equals("icmp") && reachability.snmpDown(device));
  }

  long intervalOf(String device) {
    DeviceDirectory.DeviceInfo info = deviceInfo(device);
    return info == null || info.interval() == null || info.interval().isZero()
        ? Series.DEFAULT_INTERVAL_MILLIS
        : info.interval().toMillis();
  }

  private DeviceDirectory.DeviceInfo deviceInfo(String device) {
    return device == null || device.isEmpty() ? null : devices.device(device).orElse(null);
  }

  static Map<String, MeasurementRules> index(RuleSet rules) {
    Map<String, MeasurementRules> tables = new LinkedHashMap<>();
    for (Rule rule : rules.all()) {
      tables.computeIfAbsent(rule.measurement(), m -> new MeasurementRules(m, rules.forMeasurement(m)));
    }
    return tables;
  }

  // For Reload, NoData and RestoredAlerts: parts of this class kept apart for size.

  Effects effects() {
    return effects;
  }

  Map<String, MeasurementRules> tables() {
    return tables;
  }

  Map<String, Track> tracks() {
    return tracks;
  }

  RestoredAlerts restored() {
    return restored;
  }

  Map<String, Long> errorsOfEarlierRuleSets() {
    return errorsOfEarlierRuleSets;
  }

  void install(RuleSet next, Map<String, MeasurementRules> nextTables) {
    this.rules = next;
    this.tables = nextTables;
  }
}
