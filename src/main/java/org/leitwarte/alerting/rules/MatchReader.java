package org.leitwarte.alerting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.Problems;
import org.leitwarte.config.YamlMap;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads {@code match:}: label name to value, where a value starting with {@code !=}, {@code =~} or
 * {@code !~} uses that operator and any other value means equality (Alertmanager's matchers; regular
 * expressions anchored at both ends). Regular expressions are compiled here, at load.
 */
final class MatchReader {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private MatchReader() {}

  static List<Matcher> read(YamlMap rule, MappingNode node, Schema.Measurement measurement, Problems problems) {
    Map<String, String> written = rule.stringMap("match", name -> nameProblem(name, measurement));
    Optional<MappingNode> section = RuleNodes.mapping(node, "match");
    List<Matcher> matchers = new ArrayList<>();
    written.forEach((name, value) -> {
      Matcher.Op op = operator(value);
      String operand = op == Matcher.Op.EQUAL ? value : value.substring(2);
      try {
        matchers.add(Matcher.of(name, op, operand));
      } catch (PatternSyntaxException e) {
        int line = section.flatMap(s -> RuleNodes.value(s, name))
            .map(RuleNodes::lineOf)
            .orElse(rule.line("match"));
        problems.add(rule.file(), line, rule.where() + ": match." + name
            + ": invalid regular expression '" + operand + "': " + e.getDescription()
            + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : ""));
      }
    });
    return matchers;
  }

  private static Matcher.Op operator(String value) {
    for (Matcher.Op op : List.of(Matcher.Op.NOT_EQUAL, Matcher.Op.REGEX, Matcher.Op.NOT_REGEX)) {
      if (value.startsWith(op.symbol())) {
        return op;
      }
    }
    return Matcher.Op.EQUAL;
  }

  private static Optional<String> nameProblem(String name, Schema.Measurement measurement) {
    if (!LABEL_NAME.matcher(name).matches()) {
      return Optional.of("label name '" + name + "' must start with a letter or _ and hold only letters, digits and _");
    }
    if (measurement != null && measurement.fields().containsKey(name)) {
      return Optional.of("'" + name + "' is a field of measurement '" + measurement.name()
          + "', not a label: test it in condition:");
    }
    return Optional.empty();
  }
}
