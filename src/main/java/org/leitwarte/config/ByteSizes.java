package org.leitwarte.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes such as {@code 1073741824}, {@code 512MiB}, {@code 1GiB} or {@code 100MB} (units case-insensitive). */
public final class ByteSizes {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> UNITS =
      Map.of(
          "", 1L,
          "b", 1L,
          "kb", 1_000L,
          "mb", 1_000_000L,
          "gb", 1_000_000_000L,
          "tb", 1_000_000_000_000L,
          "kib", 1L << 10,
          "mib", 1L << 20,
          "gib", 1L << 30,
          "tib", 1L << 40);

  private ByteSizes() {}

  /**
   * Parses a size in bytes.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static long parse(String text) {
    String trimmed = text.strip();
    Matcher matcher = SIZE.matcher(trimmed);
    Long unit = matcher.matches() ? UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT)) : null;
    if (unit == null) {
      throw new IllegalArgumentException(
          "expected a size in bytes like 1073741824, 512MiB, 1GiB or 100MB, got '" + trimmed + "'");
    }
    try {
      return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("size '" + trimmed + "' is too large");
    }
  }
}
