package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.Suggestions;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;

/** Reads one entry of a rule-test file's {@code tests:}: its input series and its expectations. */
final class TestCaseReader {

  private static final YamlMap.Parser<Duration> OFFSET = YamlParsers.duration(Duration.ZERO);

  private final OffsetDateTime defaultStart;
  private final Duration defaultInterval;
  private final Map<String, TestDevice> devices;

  TestCaseReader(OffsetDateTime defaultStart, Duration defaultInterval, Map<String, TestDevice> devices) {
    this.defaultStart = defaultStart;
    this.defaultInterval = defaultInterval;
    this.devices = devices;
  }

  Optional<RuleTestCase> read(YamlMap test) {
    String name = test.string("name");
    if (name != null) {
      test.describe("test '" + name + "'");
    }
    OffsetDateTime start = test.value("start", RuleTestReader::dateTime, defaultStart);
    Duration interval = test.duration("interval", defaultInterval, Duration.ofMillis(1));
    List<InputSeries> input = new ArrayList<>();
    test.mapList("input").forEach(series -> series(series).ifPresent(input::add));
    List<AlertCheck> checks = new ArrayList<>();
    test.mapList("expect").forEach(check -> check(check).ifPresent(checks::add));
    List<NotificationCheck> notifications = new ArrayList<>();
    test.mapList("notifications").forEach(check -> notifications(check).ifPresent(notifications::add));
    if (!test.has("input")) {
      test.missing("input", "the series fed to the rules");
    }
    if (!test.has("expect") && !test.has("notifications")) {
      test.report("nothing to check: give expect: (alerts at given times) or notifications: (counts)");
    }
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new RuleTestCase(name, test.line(), start, interval, input, checks, notifications));
  }

  private Optional<InputSeries> series(YamlMap series) {
    String measurementName = series.string("measurement");
    Optional<Schema.Measurement> measurement = Optional.ofNullable(measurementName).flatMap(Schema.standard()::measurement);
    if (measurementName != null && measurement.isEmpty()) {
      series.problem("measurement", "unknown measurement '" + measurementName + "'"
          + hint(measurementName, Schema.standard().measurementNames()) + "; known: "
          + String.join(", ", Schema.standard().measurementNames()));
    }
    List<String> allowedTags = measurement.map(Schema.Measurement::allTags).orElse(List.of());
    Map<String, String> tags = new LinkedHashMap<>(series.stringMap("tags", tag -> measurement.isEmpty()
        || allowedTags.contains(tag)
        ? Optional.empty()
        : Optional.of("'" + tag + "' is not a tag of " + measurement.get().name() + hint(tag, allowedTags)
            + "; its tags: " + String.join(", ", allowedTags))));
    Optional<TestDevice> device = Optional.ofNullable(tags.get("device")).map(devices::get);
    // A listed device gives its series the tenant and site tags the collectors would give them.
    device.filter(d -> !d.tenant().isEmpty()).ifPresent(d -> tags.putIfAbsent("tenant", d.tenant()));
    device.filter(d -> !d.site().isEmpty()).ifPresent(d -> tags.putIfAbsent("site", d.site()));
    Map<String, String> written = series.stringMap("fields", field -> Optional.empty());
    Map<String, List<Object>> fields = new LinkedHashMap<>();
    Optional<YamlMap> lines = series.optionalMap("fields");
    for (Map.Entry<String, String> field : written.entrySet()) {
      YamlMap at = lines.orElseThrow();
      at.has(field.getKey());
      if (measurement.isEmpty()) {
        continue;
      }
      Schema.FieldType type = measurement.get().fields().get(field.getKey());
      if (type == null) {
        at.problem(field.getKey(), "not a field of " + measurement.get().name()
            + hint(field.getKey(), measurement.get().fields().keySet()) + "; its fields: "
            + String.join(", ", measurement.get().fields().keySet()));
        continue;
      }
      try {
        fields.put(field.getKey(), SeriesExpansion.expand(field.getValue(), type));
      } catch (IllegalArgumentException e) {
        at.problem(field.getKey(), e.getMessage());
      }
    }
    if (!series.has("fields")) {
      series.missing("fields", "field name to values, e.g. received: \"3 3 0x8\"");
    }
    if (measurement.isEmpty() || fields.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InputSeries(measurement.get().name(), tags, fields, series.line()));
  }

  private Optional<AlertCheck> check(YamlMap check) {
    Duration at = check.required("at", OFFSET);
    Optional<String> rule = check.optionalString("rule");
    List<ExpectedAlert> alerts = new ArrayList<>();
    if (!check.has("alerts")) {
      check.missing("alerts", "the alerts active then, pending or firing; [] for none");
    }
    for (YamlMap alert : check.mapList("alerts")) {
      expected(alert, rule).ifPresent(alerts::add);
    }
    return at == null ? Optional.empty() : Optional.of(new AlertCheck(at, rule, alerts, check.line()));
  }

  private Optional<ExpectedAlert> expected(YamlMap alert, Optional<String> checkRule) {
    Optional<String> rule = alert.optionalString("rule");
    if (rule.isEmpty() && checkRule.isEmpty()) {
      alert.missing("rule", "the name of the rule whose alert this is");
    }
    if (rule.isPresent() && checkRule.isPresent() && !rule.equals(checkRule)) {
      alert.problem("rule", "this check compares only alerts of rule '" + checkRule.get() + "'");
    }
    AlertState state = alert.value("state", TestCaseReader::state, AlertState.FIRING);
    boolean exact = alert.has("exact_labels");
    if (exact && alert.has("labels")) {
      alert.problem("exact_labels", "give either labels: (the alert has at least these) or exact_labels: (exactly these)");
    }
    Map<String, String> labels = alert.stringMap(exact ? "exact_labels" : "labels", LabelMatchers::nameProblem);
    Optional<String> suppressedBy = alert.optionalString("suppressed_by");
    Map<String, String> annotations = alert.stringMap("annotations", name -> Optional.empty());
    Map<String, String> english = alert.stringMap("annotations_en", name -> Optional.empty());
    OptionalDouble value = alert.optional("value", TestCaseReader::number).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    Optional<Boolean> flapping = alert.optional("flapping", YamlParsers.bool());
    return rule.or(() -> checkRule).map(name -> new ExpectedAlert(
        name, state, labels, exact, suppressedBy, annotations, english, value, flapping, alert.line()));
  }

  private Optional<NotificationCheck> notifications(YamlMap check) {
    Duration from = check.value("from", OFFSET, Duration.ZERO);
    Duration to = check.required("to", OFFSET);
    Optional<String> rule = check.optionalString("rule");
    Map<String, String> labels = check.stringMap("labels", LabelMatchers::nameProblem);
    OptionalInt fired = check.optional("count", YamlParsers.integer(0, Integer.MAX_VALUE))
        .map(OptionalInt::of).orElse(OptionalInt.empty());
    OptionalInt resolved = check.optional("resolved", YamlParsers.integer(0, Integer.MAX_VALUE))
        .map(OptionalInt::of).orElse(OptionalInt.empty());
    if (!check.has("count") && !check.has("resolved")) {
      check.report("give count: (alerts that start notifying) or resolved: (notifying alerts that end), or both");
      return Optional.empty();
    }
    if (to != null && to.compareTo(from) < 0) {
      check.problem("to", "must not be before from (" + org.leitwarte.config.Durations.format(from) + ")");
      return Optional.empty();
    }
    if (to == null || (fired.isEmpty() && resolved.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new NotificationCheck(from, to, rule, labels, fired, resolved, check.line()));
  }

  private static AlertState state(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "firing" -> AlertState.FIRING;
      case "pending" -> AlertState.PENDING;
      default -> throw new IllegalArgumentException("expected firing or pending, got '" + text.strip()
          + "' (a resolved alert is no longer active: leave it out)");
    };
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, got '" + text.strip() + "'");
    }
  }

  private static String hint(String word, java.util.Collection<String> candidates) {
    return Suggestions.closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }
}
