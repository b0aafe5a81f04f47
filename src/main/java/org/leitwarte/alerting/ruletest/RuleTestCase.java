package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One test of a rule-test file: input series from {@code start}, a step every {@code interval}, and what
 * must be true along the way.
 *
 * @param start when its first step is (the offset only says how times are shown)
 */
public record RuleTestCase(
    String name,
    int line,
    OffsetDateTime start,
    Duration interval,
    List<InputSeries> input,
    List<AlertCheck> alertChecks,
    List<NotificationCheck> notificationChecks) {

  public RuleTestCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval: must be positive");
    }
    input = List.copyOf(input);
    alertChecks = List.copyOf(alertChecks);
    notificationChecks = List.copyOf(notificationChecks);
  }

  /** The last moment the test looks at: its last sample, check or end of a notification range. */
  Duration end() {
    Duration end = Duration.ZERO;
    for (InputSeries series : input) {
      end = max(end, interval.multipliedBy(Math.max(0, series.steps() - 1)));
    }
    for (AlertCheck check : alertChecks) {
      end = max(end, check.at());
    }
    for (NotificationCheck check : notificationChecks) {
      end = max(end, check.to());
    }
    return end;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
