package org.leitwarte.alerting;

import java.util.Map;
import org.leitwarte.collect.Sample;

/**
 * One series of a measurement (its tags) and where each rule of that measurement stands with it.
 * Labels and matching are worked out once, and again only when the device's inventory entry changes.
 */
final class Series {

  static final byte UNMATCHED = 0;
  /** Matched, but no verdict yet (new series, or only errors so far). */
  static final byte UNKNOWN = 1;
  static final byte NOT_HOLDING = 2;
  static final byte HOLDING = 3;

  static final long DEFAULT_INTERVAL_MILLIS = 60_000;

  final SeriesKey key;
  final String device;
  DeviceDirectory.DeviceInfo info;
  /** The sample's tags over the device's inventory labels: what conditions and matchers see. */
  Map<String, String> labels;
  long intervalMillis;
  long lastSeen = Track.NEVER;
  /** Its place in {@link MeasurementRules#noDataDeadlines}; -1 without no-data rules. */
  int slot = -1;
  /** Kept only when a rule of the measurement reads {@link Evaluation#previous}. */
  Sample previous;
  /** Per rule of the measurement, by its index. */
  byte[] states;
  /** Per rule of the measurement; null until some rule needs one. */
  Track[] tracks;

  Series(SeriesKey key, DeviceDirectory.DeviceInfo info, int rules) {
    this.key = key;
    String device = key.get("device");
    this.device = device == null ? "" : device;
    this.states = new byte[rules];
    describe(info);
  }

  void describe(DeviceDirectory.DeviceInfo info) {
    this.info = info;
    this.intervalMillis = info == null || info.interval() == null || info.interval().isZero() ? DEFAULT_INTERVAL_MILLIS : info.interval().toMillis();
    labels = new SeriesLabels(key.pairs(), info == null ? Map.of() : info.labels());
  }

  /** Sets whether each rule matches the current labels; returns the indexes of rules that stopped matching. */
  int[] match(Rule[] rules) {
    int[] stopped = null;
    int count = 0;
    for (int i = 0; i < rules.length; i++) {
      boolean matches = Matcher.all(rules[i].matchers(), labels);
      if (!matches && states[i] != UNMATCHED) {
        stopped = stopped == null ? new int[rules.length] : stopped;
        stopped[count++] = i;
        states[i] = UNMATCHED;
      } else if (matches && states[i] == UNMATCHED) {
        states[i] = UNKNOWN;
      }
    }
    return stopped == null ? new int[0] : java.util.Arrays.copyOf(stopped, count);
  }

  Track track(int index) {
    return tracks == null ? null : tracks[index];
  }

  void track(int index, Track track) {
    if (tracks == null) {
      if (track == null) {
        return;
      }
      tracks = new Track[states.length];
    }
    tracks[index] = track;
  }

  boolean holding(int index) {
    return states[index] == HOLDING;
  }
}
