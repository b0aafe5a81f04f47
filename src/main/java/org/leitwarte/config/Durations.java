package org.leitwarte.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Prometheus writes them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * {@code 1d}, {@code 1w}, or combined from the largest unit down, {@code 1h30m}. A bare {@code 0} is zero;
 * any other bare number is refused, because {@code 30} could mean seconds or minutes.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
  private static final String[] UNITS = {"w", "d", "h", "m", "s", "ms"};
  private static final long[] UNIT_MILLIS = {604_800_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message for the user, saying what was expected
   */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    if (trimmed.matches("\\d+")) {
      throw new IllegalArgumentException(
          "expected a duration with a unit, got '" + trimmed + "' (write e.g. " + trimmed + "s or " + trimmed + "m)");
    }
    Matcher matcher = PART.matcher(trimmed);
    long millis = 0;
    int position = 0;
    int lastUnit = -1;
    while (position < trimmed.length()) {
      matcher.region(position, trimmed.length());
      if (!matcher.lookingAt()) {
        throw invalid(trimmed);
      }
      int unit = unitIndex(matcher.group(2));
      if (unit <= lastUnit) {
        throw invalid(trimmed);
      }
      lastUnit = unit;
      try {
        millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(matcher.group(1)), UNIT_MILLIS[unit]));
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("duration '" + trimmed + "' is too long");
      }
      position = matcher.end();
    }
    return Duration.ofMillis(millis);
  }

  /** The shortest text {@link #parse} reads back as the same duration (milliseconds precision). */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < UNITS.length; i++) {
      long count = millis / UNIT_MILLIS[i];
      if (count > 0) {
        text.append(count).append(UNITS[i]);
        millis -= count * UNIT_MILLIS[i];
      }
    }
    return text.toString();
  }

  private static int unitIndex(String unit) {
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(unit)) {
        return i;
      }
    }
    throw new IllegalStateException(unit);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("expected a duration like 500ms, 30s, 5m or 1h30m, got '" + text + "'");
  }
}
