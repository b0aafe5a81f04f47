package org.leitwarte.incident.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.leitwarte.alerting.Matcher;

/**
 * Label matchers as Alertmanager writes them: {@code severity="critical"}, {@code role=~"router|switch"},
 * {@code tenant!="test"}, {@code site!~"lab-.*"}; the value may be left unquoted, as Alertmanager allows.
 * Also the value form of {@code match:} maps, shared with the rule files: a value starting with {@code !=},
 * {@code =~} or {@code !~} uses that operator, any other value means equality.
 */
final class MatcherSyntax {

  static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");

  private MatcherSyntax() {}

  /**
   * Parses {@code name op value}.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static Matcher parse(String text) {
    java.util.regex.Matcher parts = MATCHER.matcher(text);
    if (!parts.matches()) {
      throw new IllegalArgumentException(
          "expected a matcher like severity=\"critical\" or role=~\"router|switch\" (operators =, !=, =~, !~), got '"
              + text + "'");
    }
    return compile(parts.group(1), op(parts.group(2)), unquoted(parts.group(3), text));
  }

  /** The matcher a {@code match:} entry {@code name: value} stands for. */
  static Matcher fromMapEntry(String name, String value) {
    for (Matcher.Op op : List.of(Matcher.Op.NOT_EQUAL, Matcher.Op.REGEX, Matcher.Op.NOT_REGEX)) {
      if (value.startsWith(op.symbol())) {
        return compile(name, op, value.substring(2));
      }
    }
    return compile(name, Matcher.Op.EQUAL, value);
  }

  static Optional<String> nameProblem(String name) {
    return LABEL_NAME.matcher(name).matches()
        ? Optional.empty()
        : Optional.of("label name '" + name + "' must start with a letter or _ and hold only letters, digits and _");
  }

  private static Matcher compile(String name, Matcher.Op op, String value) {
    try {
      return Matcher.of(name, op, value);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression '" + value + "': " + e.getDescription()
          + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : ""));
    }
  }

  private static Matcher.Op op(String symbol) {
    for (Matcher.Op op : Matcher.Op.values()) {
      if (op.symbol().equals(symbol)) {
        return op;
      }
    }
    throw new IllegalStateException(symbol);
  }

  private static String unquoted(String value, String text) {
    if (!value.startsWith("\"")) {
      return value;
    }
    if (value.length() < 2 || !value.endsWith("\"")) {
      throw new IllegalArgumentException("unterminated quote in matcher '" + text + "'");
    }
    StringBuilder plain = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        char next = value.charAt(++i);
        plain.append(next == 'n' ? '\n' : next);
      } else if (c == '"') {
        throw new IllegalArgumentException("a '\"' inside the value must be written \\\" in matcher '" + text + "'");
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
