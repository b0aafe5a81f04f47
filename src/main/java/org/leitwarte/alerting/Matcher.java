package org.leitwarte.alerting;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A label matcher as in Alertmanager: {@code name = value}, {@code !=}, {@code =~} (regular
 * expression, anchored at both ends) or {@code !~}. A missing label counts as the empty string, so
 * {@code site != ""} means "has a site".
 */
public record Matcher(String name, Op op, String value, Pattern pattern) {

  public enum Op {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Matcher {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
  }

  /**
   * @throws java.util.regex.PatternSyntaxException for a regex matcher with a broken expression
   */
  public static Matcher of(String name, Op op, String value) {
    Pattern pattern = op == Op.REGEX || op == Op.NOT_REGEX ? Pattern.compile(value) : null;
    return new Matcher(name, op, value, pattern);
  }

  public static Matcher equal(String name, String value) {
    return of(name, Op.EQUAL, value);
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern.matcher(actual).matches();
      case NOT_REGEX -> !pattern.matcher(actual).matches();
    };
  }

  /** All of {@code matchers} match (an empty list matches everything). */
  public static boolean all(Iterable<Matcher> matchers, Map<String, String> labels) {
    for (Matcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Matcher m && m.name.equals(name) && m.op == op && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, op, value);
  }

  @Override
  public String toString() {
    return name + op.symbol + '"' + value + '"';
  }
}
