package org.leitwarte.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.Severity;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.Problem;
import org.leitwarte.config.Problems;
import org.leitwarte.config.Suggestions;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one rule from its YAML mapping: every key checked, expressions compiled and type-checked
 * against the measurement, templates checked. A rule with any problem is refused as a whole; its
 * problems name the file and line.
 */
final class RuleReader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /** What reading a rule gave: the rule, or its name as far as it was readable, and the problems. */
  record Outcome(Optional<Rule> rule, Optional<String> name, List<Problem> problems) {}

  private final Schema schema;
  private final CelEnvironment cel;
  private final FileText text;

  RuleReader(Schema schema, CelEnvironment cel, FileText text) {
    this.schema = schema;
    this.cel = cel;
    this.text = text;
  }

  Outcome read(MappingNode node, int index) {
    Problems problems = new Problems();
    YamlMap map = YamlMap.root(problems, text.name(), node).describe("rules[" + index + "]");
    String name = map.string("name");
    if (name != null) {
      map.describe("rule '" + name + "'");
      if (!NAME.matcher(name).matches()) {
        map.problem("name", "must start with a lower-case letter and hold only a-z, 0-9 and _, got '" + name + "'");
      }
    }
    reportTags(node, map, problems);
    Schema.Measurement measurement = map.required("measurement", this::measurement);
    List<Matcher> matchers = MatchReader.read(map, node, measurement, problems);
    Optional<CelExpression> condition = expression(map, node, "condition", true, measurement, problems);
    Optional<CelExpression> clear = expression(map, node, "clear", false, measurement, problems);
    Duration forDuration = map.duration("for", Duration.ZERO, Duration.ZERO);
    Duration keepFiringFor = map.duration("keep_firing_for", Duration.ZERO, Duration.ZERO);
    Severity severity = map.required("severity", RuleReader::severity);
    Map<String, String> labels = map.stringMap("labels", key -> labelProblem(key, measurement));
    Optional<CelExpression> value = expression(map, node, "value", false, measurement, problems);
    Optional<Integer> noData = map.optional("no_data", YamlParsers.integer(1, 1000));
    Rule.Flapping flapping = flapping(map, node);
    Set<String> scopeLabels = new LinkedHashSet<>(Schema.COMMON_TAGS);
    if (measurement != null) {
      scopeLabels.addAll(measurement.tags());
    }
    scopeLabels.addAll(labels.keySet());
    matchers.forEach(matcher -> scopeLabels.add(matcher.name()));
    scopeLabels.addAll(List.of("alertname", "severity"));
    Optional<Templates.Scope> scope = Optional.ofNullable(measurement)
        .map(m -> new Templates.Scope(m, scopeLabels, value.isPresent()));
    Annotations annotations = new AnnotationReader(text, map, node, scope, problems).read();
    map.finish();

    if (!problems.isEmpty() || name == null || condition.isEmpty() || severity == null) {
      return new Outcome(Optional.empty(), Optional.ofNullable(name), problems.list());
    }
    Rule rule = new Rule(
        name,
        map.source(),
        measurement.name(),
        matchers,
        new CelCondition(condition.get()),
        clear.map(CelCondition::new),
        forDuration,
        keepFiringFor,
        severity,
        labels,
        annotations,
        value.map(CelValue::new),
        noData,
        flapping);
    return new Outcome(Optional.of(rule), Optional.of(name), List.of());
  }

  private Schema.Measurement measurement(String written) {
    String name = written.strip();
    return schema.measurement(name).orElseThrow(() -> new IllegalArgumentException("unknown measurement '" + name + "'"
        + Suggestions.closest(name, schema.measurementNames()).map(m -> " (did you mean '" + m + "'?)")
            .orElse(" (known: " + String.join(", ", schema.measurementNames()) + ")")));
  }

  private static Severity severity(String written) {
    String name = written.strip();
    for (Severity severity : Severity.values()) {
      if (severity.label().equals(name)) {
        return severity;
      }
    }
    throw new IllegalArgumentException("expected critical, warning or info, got '" + name + "'");
  }

  private static Optional<String> labelProblem(String key, Schema.Measurement measurement) {
    if (!LABEL_NAME.matcher(key).matches()) {
      return Optional.of("label name '" + key + "' must start with a-z or _ and hold only a-z, 0-9 and _");
    }
    if (key.equals("alertname") || key.equals("severity")) {
      return Optional.of("'" + key + "' is set from the rule's " + (key.equals("alertname") ? "name" : "severity")
          + " and cannot be given as a label");
    }
    boolean tag = Schema.COMMON_TAGS.contains(key) || (measurement != null && measurement.tags().contains(key));
    return tag
        ? Optional.of("'" + key + "' comes from the sample and cannot be overridden by a rule")
        : Optional.empty();
  }

  /**
   * Compiles {@code condition} and {@code clear} (must give a bool) or {@code value} (must give a
   * number). CEL's problems are reported at the file line they are on, also inside a multi-line
   * expression.
   */
  private Optional<CelExpression> expression(
      YamlMap map, MappingNode node, String key, boolean required, Schema.Measurement measurement, Problems problems) {
    String source = required ? map.string(key) : map.optionalString(key).orElse(null);
    if (source == null || measurement == null) {
      return Optional.empty();
    }
    CelEnvironment.Compilation compilation = cel.compile(measurement, source);
    Optional<ScalarNode> scalar = RuleNodes.scalar(node, key);
    for (CelEnvironment.Issue issue : compilation.issues()) {
      int line = scalar.map(s -> text.line(s, issue.line(), issue.column())).orElse(map.line(key));
      problems.add(text.name(), line, map.where() + ": " + key + ": " + issue.message());
    }
    if (compilation.program().isEmpty()) {
      return Optional.empty();
    }
    boolean number = key.equals("value");
    var kind = compilation.resultKind();
    boolean fits = switch (kind) {
      case DYN -> true;
      case BOOL -> !number;
      case INT, UINT, DOUBLE -> number;
      default -> false;
    };
    if (!fits) {
      map.problem(key, (number ? "must give a number (an int or a double)" : "must give true or false (a bool)")
          + ", but gives " + CelEnvironment.typeName(kind));
      return Optional.empty();
    }
    Set<String> floatFields = new LinkedHashSet<>();
    measurement.fields().forEach((field, type) -> {
      if (type == Schema.FieldType.FLOAT) {
        floatFields.add(field);
      }
    });
    return Optional.of(new CelExpression(compilation.program().get(), source, floatFields, compilation.usesPrevious()));
  }

  /** {@code flapping: off}, or {@code flapping: {changes: 6, window: 10m}}; absent: the default. */
  private static Rule.Flapping flapping(YamlMap map, MappingNode node) {
    Optional<Node> value = RuleNodes.value(node, "flapping");
    if (!map.has("flapping") || value.isEmpty()) {
      return Rule.Flapping.DEFAULT;
    }
    if (value.get() instanceof ScalarNode) {
      return map.value("flapping", written -> switch (written.strip().toLowerCase(Locale.ROOT)) {
        case "off", "false", "no" -> Rule.Flapping.OFF;
        case "on", "true", "yes" -> Rule.Flapping.DEFAULT;
        default -> throw new IllegalArgumentException(
            "expected off or {changes: 6, window: 10m}, got '" + written.strip() + "'");
      }, Rule.Flapping.DEFAULT);
    }
    YamlMap flapping = map.map("flapping");
    Rule.Flapping standard = Rule.Flapping.DEFAULT;
    return new Rule.Flapping(
        flapping.integer("changes", 1, 10_000, standard.maxChanges()),
        flapping.duration("window", standard.window(), Duration.ofSeconds(1)));
  }

  /** An unquoted {@code tenant: !=test} is a YAML tag on an empty value; say how to write it. */
  private void reportTags(MappingNode node, YamlMap map, Problems problems) {
    List<ScalarNode> tagged = new ArrayList<>();
    RuleNodes.localTags(node, tagged);
    for (ScalarNode scalar : tagged) {
      String written = scalar.getTag().getValue() + (scalar.getValue().isEmpty() ? "" : " " + scalar.getValue());
      problems.add(text.name(), RuleNodes.lineOf(scalar), map.where() + ": YAML reads " + scalar.getTag().getValue()
          + " as a type tag; put the value in quotes: \"" + written + "\"");
    }
  }
}
