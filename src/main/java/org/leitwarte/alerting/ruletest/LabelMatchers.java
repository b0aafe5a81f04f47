package org.leitwarte.alerting.ruletest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.config.YamlMap;

/**
 * Label matchers written as in a rule's {@code match:}: label name to value, where a value starting with
 * {@code !=}, {@code =~} or {@code !~} uses that operator and any other value means equality.
 */
final class LabelMatchers {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private LabelMatchers() {}

  /** The matchers under {@code key}; each broken one is reported and left out. */
  static List<Matcher> read(YamlMap map, String key) {
    Map<String, String> written = map.stringMap(key, LabelMatchers::nameProblem);
    List<Matcher> matchers = new ArrayList<>();
    written.forEach((name, value) -> {
      Matcher.Op op = operator(value);
      String operand = op == Matcher.Op.EQUAL ? value : value.substring(2);
      try {
        matchers.add(Matcher.of(name, op, operand));
      } catch (PatternSyntaxException e) {
        map.problem(key, name + ": invalid regular expression '" + operand + "': " + e.getDescription());
      }
    });
    return matchers;
  }

  static Optional<String> nameProblem(String name) {
    return LABEL_NAME.matcher(name).matches()
        ? Optional.empty()
        : Optional.of("label name '" + name + "' must start with a letter or _ and hold only letters, digits and _");
  }

  private static Matcher.Op operator(String value) {
    for (Matcher.Op op : List.of(Matcher.Op.NOT_EQUAL, Matcher.Op.REGEX, Matcher.Op.NOT_REGEX)) {
      if (value.startsWith(op.symbol())) {
        return op;
      }
    }
    return Matcher.Op.EQUAL;
  }
}
