package org.leitwarte.incident.routing;

import java.time.Duration;
import org.leitwarte.config.Durations;
import org.leitwarte.config.YamlMap;

/**
 * The bounds of a route's timings. Values outside them are refused rather than obeyed: they would keep a
 * new incident from anyone for hours, or repeat a reminder so often that people mute it.
 */
final class RouteTimings {

  static final Duration MAX_GROUP_WAIT = Duration.ofHours(1);
  static final Duration MIN_GROUP_INTERVAL = Duration.ofSeconds(1);
  static final Duration MIN_REPEAT_INTERVAL = Duration.ofMinutes(1);

  static final YamlMap.Parser<Duration> GROUP_WAIT =
      between(Duration.ZERO, MAX_GROUP_WAIT, "nobody would hear of a new incident for that long");
  static final YamlMap.Parser<Duration> GROUP_INTERVAL =
      between(MIN_GROUP_INTERVAL, null, "an open incident needs a pause between its messages");
  static final YamlMap.Parser<Duration> REPEAT_INTERVAL =
      between(MIN_REPEAT_INTERVAL, null, "reminders more often than that are noise people learn to ignore");

  private RouteTimings() {}

  private static YamlMap.Parser<Duration> between(Duration min, Duration max, String why) {
    return text -> {
      Duration duration = Durations.parse(text);
      String written = text.strip();
      if (duration.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "must be at least " + Durations.format(min) + ", got '" + written + "': " + why);
      }
      if (max != null && duration.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "must be at most " + Durations.format(max) + ", got '" + written + "': " + why);
      }
      return duration;
    };
  }
}
