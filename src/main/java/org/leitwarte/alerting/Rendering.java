package org.leitwarte.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The value and the annotations of an alert, computed only when its state changes. */
final class Rendering {

  static final List<String> LANGUAGES = List.of("de", "en");

  private static final Logger LOG = LoggerFactory.getLogger(Rendering.class);

  private Rendering() {}

  static Optional<Double> value(Rule rule, Evaluation evaluation) {
    if (rule.value().isEmpty() || evaluation == null) {
      return Optional.empty();
    }
    try {
      OptionalDouble value = rule.value().get().value(evaluation);
      return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("rule '{}' ({}): its value could not be computed: {}", rule.name(), rule.source(), e.toString());
      return Optional.empty();
    }
  }

  static Map<String, Map<String, String>> annotations(
      Rule rule, Map<String, String> labels, Evaluation evaluation, Optional<Double> value, long activeSince) {
    Rule.AnnotationContext context = new Rule.AnnotationContext(
        labels,
        evaluation == null ? Map.of() : evaluation.sample().fields(),
        value.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
        rule.severity(),
        Instant.ofEpochMilli(activeSince));
    Map<String, Map<String, String>> byLanguage = new HashMap<>(4);
    for (String language : LANGUAGES) {
      try {
        byLanguage.put(language, Map.copyOf(rule.annotations().render(language, context)));
      } catch (RuntimeException e) {
        LOG.warn("rule '{}' ({}): its annotations could not be rendered in {}: {}",
            rule.name(), rule.source(), language, e.toString());
        byLanguage.put(language, Map.of());
      }
    }
    return byLanguage;
  }

  /** The rule's annotations for a no-data alert, plus a {@code nodata} text saying what is missing. */
  static Map<String, Map<String, String>> noDataAnnotations(
      Rule rule, Map<String, String> labels, int intervals, long intervalMillis, long lastSeen) {
    Map<String, Map<String, String>> byLanguage = annotations(rule, labels, null, Optional.empty(), lastSeen);
    String every = Duration.ofMillis(intervalMillis).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    String last = lastSeen == Track.NEVER ? "-" : Instant.ofEpochMilli(lastSeen).toString();
    Map<String, Map<String, String>> result = new HashMap<>(4);
    for (String language : LANGUAGES) {
      Map<String, String> texts = new HashMap<>(byLanguage.get(language));
      texts.put("nodata", language.equals("de")
          ? "Keine Daten seit " + intervals + " Abfrageintervallen (" + every + "), letzter Messwert " + last
          : "No data for " + intervals + " polling intervals (" + every + "), last sample " + last);
      result.put(language, texts);
    }
    return result;
  }
}
