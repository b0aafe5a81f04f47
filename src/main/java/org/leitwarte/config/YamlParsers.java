package org.leitwarte.config;

import java.time.Duration;
import java.util.Locale;

/** Parsers for scalar values, for {@link YamlMap#optional} and friends; their messages are for users. */
public final class YamlParsers {

  private YamlParsers() {}

  /** Any text that is not blank, as written. */
  public static YamlMap.Parser<String> nonEmpty() {
    return text -> {
      if (text.isBlank()) {
        throw new IllegalArgumentException("must not be empty");
      }
      return text;
    };
  }

  /** A decimal integer from {@code min} to {@code max}. */
  public static YamlMap.Parser<Integer> integer(int min, int max) {
    return text -> {
      String expected = "expected an integer " + min + "–" + max + ", got '" + text.strip() + "'";
      try {
        long value = Long.parseLong(text.strip());
        if (value < min || value > max) {
          throw new IllegalArgumentException(expected);
        }
        return (int) value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(expected);
      }
    };
  }

  /** A Prometheus-style duration ({@link Durations}) of at least {@code min}. */
  public static YamlMap.Parser<Duration> duration(Duration min) {
    return text -> {
      Duration duration = Durations.parse(text);
      if (duration.compareTo(min) < 0) {
        throw new IllegalArgumentException("must be at least " + Durations.format(min) + ", got '" + text.strip() + "'");
      }
      return duration;
    };
  }

  /** A size in bytes ({@link ByteSizes}) of at least {@code min}. */
  public static YamlMap.Parser<Long> bytes(long min) {
    return text -> {
      long bytes = ByteSizes.parse(text);
      if (bytes < min) {
        throw new IllegalArgumentException("must be at least " + min + " bytes, got '" + text.strip() + "'");
      }
      return bytes;
    };
  }

  /** {@code true}/{@code false}, and YAML 1.1's {@code yes}/{@code no}/{@code on}/{@code off}. */
  public static YamlMap.Parser<Boolean> bool() {
    return text ->
        switch (text.strip().toLowerCase(Locale.ROOT)) {
          case "true", "yes", "on" -> true;
          case "false", "no", "off" -> false;
          default -> throw new IllegalArgumentException("expected true or false, got '" + text.strip() + "'");
        };
  }
}
