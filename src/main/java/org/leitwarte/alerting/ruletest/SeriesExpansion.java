package org.leitwarte.alerting.ruletest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.collect.Schema.FieldType;

/**
 * The values of one field of an input series, written as {@code promtool} writes them: space-separated
 * values, one per step, with the shorthands
 *
 * <ul>
 *   <li>{@code a+bxn}: {@code a a+b a+2b … a+nb} (n + 1 values), {@code a-bxn} counting down;
 *   <li>{@code axn}: {@code a} n + 1 times;
 *   <li>{@code _}: no value at that step, {@code _xn}: none for n steps (n, not n + 1, as in promtool).
 * </ul>
 *
 * Integer fields take whole numbers only, float fields any decimal number; boolean fields {@code true}
 * and {@code false} (also {@code truexn}); string fields a word or a text in single or double quotes
 * ({@code okx3}, {@code 'Uplink Rathaus'x3}). A missing value is {@code null} in the result.
 */
public final class SeriesExpansion {

  /** Enough for a day at one-second steps; a typo such as {@code 1x100000000} must not eat the heap. */
  static final int MAX_VALUES = 100_000;

  private static final String NUMBER = "\\d+(?:\\.\\d+)?";
  private static final Pattern NUMERIC = Pattern.compile(
      "(?<a>[+-]?" + NUMBER + ")(?:(?<sign>[+-])(?<b>" + NUMBER + "))?(?:x(?<n>\\d+))?");
  private static final Pattern REPEAT = Pattern.compile("(?<value>.*?)(?:x(?<n>\\d+))?");
  private static final Pattern QUOTED = Pattern.compile("(?<quote>['\"])(?<text>.*?)\\k<quote>(?:x(?<n>\\d+))?");

  private SeriesExpansion() {}

  /**
   * @return one entry per step; {@code null} where the series has no value
   * @throws IllegalArgumentException saying which value is wrong and what was expected
   */
  public static List<Object> expand(String text, FieldType type) {
    List<Object> values = new ArrayList<>();
    for (String token : tokens(text)) {
      expandToken(token, type, values);
      if (values.size() > MAX_VALUES) {
        throw new IllegalArgumentException("more than " + MAX_VALUES + " values");
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values (write e.g. \"1 2 3\", \"0x10\" or \"1+1x5\")");
    }
    return values;
  }

  private static void expandToken(String token, FieldType type, List<Object> values) {
    if (token.equals("_") || token.matches("_x\\d+")) {
      int count = token.equals("_") ? 1 : count(token.substring(2), token);
      values.addAll(Collections.nCopies(count, null));
      return;
    }
    switch (type) {
      case INTEGER, FLOAT -> numeric(token, type, values);
      case BOOLEAN -> repeated(token, values, value -> switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("'" + token + "' is not true or false (or truexn, falsexn)");
      });
      case STRING -> text(token, values);
    }
  }

  private static void numeric(String token, FieldType type, List<Object> values) {
    Matcher matcher = NUMERIC.matcher(token);
    String kind = type == FieldType.INTEGER ? "an integer field" : "a float field";
    if (!matcher.matches() || (matcher.group("b") != null && matcher.group("n") == null)) {
      throw new IllegalArgumentException("'" + token + "' is not a value of " + kind
          + " (a number, axn, a+bxn, a-bxn, _ or _xn)");
    }
    int repeats = matcher.group("n") == null ? 0 : count(matcher.group("n"), token);
    String b = matcher.group("b") == null ? "0" : matcher.group("b");
    if (type == FieldType.INTEGER) {
      if (matcher.group("a").contains(".") || b.contains(".")) {
        throw new IllegalArgumentException("'" + token + "': an integer field takes whole numbers");
      }
      try {
        long start = Long.parseLong(matcher.group("a"));
        long step = Long.parseLong(b) * ("-".equals(matcher.group("sign")) ? -1 : 1);
        for (int i = 0; i <= repeats; i++) {
          values.add(Math.addExact(start, Math.multiplyExact(step, (long) i)));
        }
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("'" + token + "' leaves the range of an integer field");
      }
    } else {
      // Exact decimal steps: 0.1 added ten times is 1.0, not 0.9999999999999999.
      BigDecimal start = new BigDecimal(matcher.group("a"));
      BigDecimal step = new BigDecimal(b);
      step = "-".equals(matcher.group("sign")) ? step.negate() : step;
      for (int i = 0; i <= repeats; i++) {
        values.add(start.add(step.multiply(BigDecimal.valueOf(i))).doubleValue());
      }
    }
  }

  private static void text(String token, List<Object> values) {
    Matcher quoted = QUOTED.matcher(token);
    if (quoted.matches()) {
      int repeats = quoted.group("n") == null ? 0 : count(quoted.group("n"), token);
      values.addAll(Collections.nCopies(repeats + 1, quoted.group("text")));
      return;
    }
    if (token.startsWith("'") || token.startsWith("\"")) {
      throw new IllegalArgumentException("'" + token + "': quoted text without its closing quote");
    }
    repeated(token, values, value -> value);
  }

  private interface Conversion {
    Object convert(String value);
  }

  private static void repeated(String token, List<Object> values, Conversion conversion) {
    Matcher matcher = REPEAT.matcher(token);
    matcher.matches();
    String value = matcher.group("value").isEmpty() ? token : matcher.group("value");
    int repeats = matcher.group("n") == null || matcher.group("value").isEmpty() ? 0 : count(matcher.group("n"), token);
    values.addAll(Collections.nCopies(repeats + 1, conversion.convert(value)));
  }

  private static int count(String digits, String token) {
    try {
      int count = Integer.parseInt(digits);
      if (count > MAX_VALUES) {
        throw new NumberFormatException();
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + token + "': more than " + MAX_VALUES + " values");
    }
  }

  /** Splits on white space, keeping quoted text (with its {@code xn}) as one token. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        current.append(c);
        quote = c == quote ? 0 : quote;
      } else if (Character.isWhitespace(c)) {
        if (!current.isEmpty()) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        if ((c == '\'' || c == '"') && current.isEmpty()) {
          quote = c;
        }
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
