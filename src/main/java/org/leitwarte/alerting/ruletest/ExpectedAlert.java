package org.leitwarte.alerting.ruletest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;

/**
 * An alert a rule test expects to be active at some time.
 *
 * @param labels labels the alert must have (it may have more), or with {@code exactLabels} all its
 *     labels except {@code alertname} and {@code severity}
 * @param suppressedBy what must suppress it; empty: it must not be suppressed
 * @param annotations German texts of the annotations named (the others are not compared)
 * @param annotationsEnglish English texts of the annotations named
 * @param flapping empty: not compared
 */
public record ExpectedAlert(
    String rule,
    AlertState state,
    Map<String, String> labels,
    boolean exactLabels,
    Optional<String> suppressedBy,
    Map<String, String> annotations,
    Map<String, String> annotationsEnglish,
    OptionalDouble value,
    Optional<Boolean> flapping,
    int line) {

  /** Labels every alert has that an exact comparison leaves out: the rule says what they are. */
  static final List<String> IMPLIED_LABELS = List.of("alertname", "severity");

  public ExpectedAlert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(state, "state");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(suppressedBy, "suppressedBy");
    annotations = Map.copyOf(annotations);
    annotationsEnglish = Map.copyOf(annotationsEnglish);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(flapping, "flapping");
  }

  /** Same rule, and labels as expected: the alert this expectation is about, right or wrong. */
  boolean isAbout(Alert alert) {
    return alert.rule().equals(rule) && labelProblem(alert).isEmpty();
  }

  boolean matches(Alert alert) {
    return alert.rule().equals(rule) && differences(alert).isEmpty();
  }

  /** What differs, one line each ({@code state: expected firing, got pending}); empty when it matches. */
  List<String> differences(Alert alert) {
    List<String> differences = new ArrayList<>();
    labelProblem(alert).ifPresent(differences::add);
    if (alert.state() != state) {
      differences.add("state: expected " + state.label() + ", got " + alert.state().label());
    }
    if (!alert.suppressedBy().equals(suppressedBy)) {
      differences.add("suppressed_by: expected " + suppressedBy.orElse("none") + ", got "
          + alert.suppressedBy().orElse("none"));
    }
    compareAnnotations("annotations", annotations, alert.annotations().getOrDefault("de", Map.of()), differences);
    compareAnnotations("annotations_en", annotationsEnglish, alert.annotations().getOrDefault("en", Map.of()), differences);
    if (value.isPresent() && !(alert.value().isPresent() && close(alert.value().get(), value.getAsDouble()))) {
      differences.add("value: expected " + AlertText.number(value.getAsDouble()) + ", got "
          + alert.value().map(AlertText::number).orElse("none"));
    }
    if (flapping.isPresent() && flapping.get() != alert.flapping()) {
      differences.add("flapping: expected " + flapping.get() + ", got " + alert.flapping());
    }
    return differences;
  }

  private Optional<String> labelProblem(Alert alert) {
    Map<String, String> actual = exactLabels ? withoutImplied(alert.labels()) : alert.labels();
    Map<String, String> wrong = new TreeMap<>();
    labels.forEach((name, expected) -> {
      if (!expected.equals(actual.get(name))) {
        wrong.put(name, expected);
      }
    });
    if (wrong.isEmpty() && (!exactLabels || actual.size() == labels.size())) {
      return Optional.empty();
    }
    return Optional.of((exactLabels ? "exact_labels" : "labels") + ": expected " + AlertText.labels(labels)
        + ", got " + AlertText.labels(withoutImplied(alert.labels())));
  }

  /** What the test file says, for messages: {@code device_unreachable firing {device="wr-router"}}. */
  String describe() {
    StringBuilder text = new StringBuilder(rule).append(' ').append(state.label()).append(' ')
        .append(exactLabels ? "exactly " : "").append(AlertText.labels(labels));
    suppressedBy.ifPresent(reason -> text.append(" suppressed_by=").append(reason));
    value.ifPresent(v -> text.append(" value=").append(AlertText.number(v)));
    flapping.filter(Boolean::booleanValue).ifPresent(f -> text.append(" flapping"));
    annotations.forEach((name, expected) -> text.append(' ').append(name).append("=\"").append(expected).append('"'));
    annotationsEnglish.forEach((name, expected) -> text.append(" en.").append(name).append("=\"").append(expected).append('"'));
    return text.toString();
  }

  static Map<String, String> withoutImplied(Map<String, String> labels) {
    Map<String, String> rest = new LinkedHashMap<>(labels);
    IMPLIED_LABELS.forEach(rest::remove);
    return rest;
  }

  private static void compareAnnotations(
      String key, Map<String, String> expected, Map<String, String> actual, List<String> differences) {
    new TreeMap<>(expected).forEach((name, text) -> {
      String got = actual.get(name);
      if (!text.equals(got)) {
        differences.add(key + "." + name + ": expected \"" + text + "\", got " + (got == null ? "none" : "\"" + got + "\""));
      }
    });
  }

  private static boolean close(double actual, double expected) {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1.0, Math.abs(expected));
  }
}
