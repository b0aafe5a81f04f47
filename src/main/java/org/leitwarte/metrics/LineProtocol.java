package org.leitwarte.metrics;

import java.util.Map;
import java.util.Optional;
import org.leitwarte.collect.Sample;

/**
 * Turns a {@link Sample} into one line of InfluxDB 1.x line protocol with a millisecond timestamp (write
 * with {@code precision=ms}). Tags and fields come out sorted because {@link Sample} keeps them sorted.
 *
 * <p>Escaping follows what influxd 1.x actually parses (checked against 1.6.7):
 *
 * <ul>
 *   <li>measurement: comma and space are escaped;
 *   <li>tag keys and values: comma, equals sign and space are escaped; a tag with an empty key or value is
 *       left out, because InfluxDB refuses it;
 *   <li>field keys: comma, equals sign and space are escaped;
 *   <li>string field values: double quote and backslash are escaped.
 * </ul>
 *
 * <p>Some text has no exact line-protocol form in InfluxDB 1.x, so it is changed in a small, predictable
 * way: a line feed becomes the two characters {@code \n} (one sample must stay one line — the spool is
 * line based); trailing backslashes of names, tag values and field keys are dropped (InfluxDB would read
 * them as escaping the separator that follows); backslashes right before a comma or space in a
 * measurement are dropped (influxd 1.6 loses them anyway); in a field key, backslashes right before a
 * comma, equals sign or space are doubled. Fields with NaN or infinite values are left out, and a sample
 * with no field left produces no line.
 */
public final class LineProtocol {

  private LineProtocol() {}

  /** The line for the sample, or empty when none of its fields can be written. */
  public static Optional<String> line(Sample sample) {
    StringBuilder line = new StringBuilder(64 + 24 * (sample.tags().size() + sample.fields().size()));
    return append(line, sample) ? Optional.of(line.toString()) : Optional.empty();
  }

  /**
   * Appends the line for the sample (without a line feed) to {@code out}.
   *
   * @return false, leaving {@code out} unchanged, when none of the fields can be written
   */
  public static boolean append(StringBuilder out, Sample sample) {
    int start = out.length();
    appendName(out, sample.measurement(), false);
    for (Map.Entry<String, String> tag : sample.tags().entrySet()) {
      String key = tag.getKey();
      String value = tag.getValue();
      if (isEmptyName(key) || value == null || isEmptyName(value)) {
        continue;
      }
      out.append(',');
      appendName(out, key, true);
      out.append('=');
      appendName(out, value, true);
    }
    char separator = ' ';
    for (Map.Entry<String, Object> field : sample.fields().entrySet()) {
      String key = field.getKey();
      Object value = field.getValue();
      if (isEmptyName(key) || !isWritable(value)) {
        continue;
      }
      out.append(separator);
      separator = ',';
      appendFieldKey(out, key);
      out.append('=');
      appendValue(out, value);
    }
    if (separator == ' ') {
      out.setLength(start);
      return false;
    }
    out.append(' ').append(sample.timestampMillis());
    return true;
  }

  private static boolean isWritable(Object value) {
    return !(value instanceof Double number) || Double.isFinite(number);
  }

  /** True when nothing would be left of the name once trailing backslashes are dropped. */
  private static boolean isEmptyName(String name) {
    return trimmedLength(name) == 0;
  }

  private static int trimmedLength(String name) {
    int end = name.length();
    while (end > 0 && name.charAt(end - 1) == '\\') {
      end--;
    }
    return end;
  }

  /** Measurement ({@code escapeEquals} false), tag key or tag value ({@code escapeEquals} true). */
  private static void appendName(StringBuilder out, String name, boolean escapeEquals) {
    int end = trimmedLength(name);
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      switch (c) {
        case ',', ' ' -> out.append('\\').append(c);
        case '=' -> {
          if (escapeEquals) {
            out.append('\\');
          }
          out.append(c);
        }
        case '\n' -> out.append("\\n");
        case '\\' -> {
          int runEnd = backslashRunEnd(name, i);
          // influxd 1.6 unescapes measurement names twice, so a backslash before a comma or space is lost
          // there anyway; dropping it gives the same name on every InfluxDB version.
          boolean lost = !escapeEquals && runEnd < end && (name.charAt(runEnd) == ',' || name.charAt(runEnd) == ' ');
          if (!lost) {
            out.append(name, i, runEnd);
          }
          i = runEnd - 1;
        }
        default -> out.append(c);
      }
    }
  }

  private static void appendFieldKey(StringBuilder out, String key) {
    int end = trimmedLength(key);
    for (int i = 0; i < end; i++) {
      char c = key.charAt(i);
      switch (c) {
        case ',', '=', ' ' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\\' -> {
          // influxd skips a backslash and the character after it while scanning fields: a run of
          // backslashes before a separator must be doubled to stay literal.
          int runEnd = backslashRunEnd(key, i);
          boolean beforeSeparator = runEnd < end && isFieldKeySpecial(key.charAt(runEnd));
          for (int k = i; k < runEnd; k++) {
            out.append(beforeSeparator ? "\\\\" : "\\");
          }
          i = runEnd - 1;
        }
        default -> out.append(c);
      }
    }
  }

  private static int backslashRunEnd(String text, int start) {
    int end = start;
    while (end < text.length() && text.charAt(end) == '\\') {
      end++;
    }
    return end;
  }

  private static boolean isFieldKeySpecial(char c) {
    return c == ',' || c == '=' || c == ' ' || c == '\n';
  }

  private static void appendValue(StringBuilder out, Object value) {
    if (value instanceof Long number) {
      out.append(number.longValue()).append('i');
    } else if (value instanceof Double number) {
      appendDouble(out, number.doubleValue());
    } else if (value instanceof Boolean flag) {
      out.append(flag.booleanValue());
    } else {
      appendString(out, (String) value);
    }
  }

  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

  /**
   * Floats with at most six decimal places — ample for percentages, milliseconds and rates, and
   * several times cheaper than {@link Double#toString}, which was the largest single cost of
   * writing a poll. Values too small or too large for that keep every digit.
   */
  static void appendDouble(StringBuilder out, double value) {
    double magnitude = Math.abs(value);
    if (value != 0 && (magnitude < 1e-3 || magnitude >= 9e12)) {
      out.append(value);
      return;
    }
    long scaled = Math.round(value * 1_000_000d);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / 1_000_000);
    long fraction = scaled % 1_000_000;
    if (fraction != 0) {
      int digits = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      out.append('.');
      for (long limit = POWERS_OF_TEN[digits - 1]; limit > fraction; limit /= 10) {
        out.append('0');
      }
      out.append(fraction);
    }
  }

  private static void appendString(StringBuilder out, String text) {
    out.append('"');
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    out.append('"');
  }
}
