package org.leitwarte.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.Severity;

class AnnotationsTest {

  private static final Instant SINCE = Instant.parse("2025-03-01T06:30:00Z");

  @TempDir Path dir;

  private Rule rule() {
    return RuleFixtures.rule(dir, """
        - name: interface_utilisation
          measurement: interface
          match: {role: router}
          severity: warning
          condition: util_in_pct > 90
          value: util_in_pct
          annotations:
            summary:
              de: "{{labels.if_name}} auf {{labels.device}} zu {{value}} % ausgelastet"
              en: "{{labels.if_name}} on {{labels.device}} is {{value}} % utilised"
            description: "Eingang {{fields.util_in_pct}} %, Geschwindigkeit {{fields.speed_bps}} bit/s, seit {{since}} ({{severity}}, {{labels.role}})"
            service: "{{#labels.service}}Dienst <{{labels.service}}>{{/labels.service}}{{^labels.service}}kein Dienst{{/labels.service}}"
        """);
  }

  private static Rule.AnnotationContext context(Map<String, String> labels, double value) {
    return new Rule.AnnotationContext(
        labels,
        Map.of("util_in_pct", 93.456, "speed_bps", 1_000_000_000L),
        OptionalDouble.of(value),
        Severity.WARNING,
        SINCE);
  }

  @Test
  void german_is_rendered_with_decimal_commas() {
    Map<String, String> rendered = rule().annotations()
        .render("de", context(Map.of("if_name", "Gi0/1", "device", "wr-router", "role", "router"), 93.456));

    assertThat(rendered).containsExactly(
        Map.entry("summary", "Gi0/1 auf wr-router zu 93,46 % ausgelastet"),
        Map.entry("description",
            "Eingang 93,46 %, Geschwindigkeit 1000000000 bit/s, seit 2025-03-01T06:30:00Z (warning, router)"),
        Map.entry("service", "kein Dienst"));
  }

  @Test
  void english_uses_decimal_points_and_falls_back_to_german_where_there_is_no_translation() {
    Map<String, String> rendered = rule().annotations()
        .render("en", context(Map.of("if_name", "Gi0/1", "device", "wr-router", "role", "router", "service", "Fachverfahren & Co"), 93.456));

    assertThat(rendered).containsExactly(
        Map.entry("summary", "Gi0/1 on wr-router is 93.46 % utilised"),
        Map.entry("description",
            "Eingang 93.46 %, Geschwindigkeit 1000000000 bit/s, seit 2025-03-01T06:30:00Z (warning, router)"),
        Map.entry("service", "Dienst <Fachverfahren & Co>"));
  }

  @Test
  void a_language_without_translations_gets_german() {
    assertThat(rule().annotations().render("fr", context(Map.of("if_name", "Gi0/1", "device", "r"), 91)).get("summary"))
        .isEqualTo("Gi0/1 auf r zu 91 % ausgelastet");
  }

  @Test
  void a_label_the_alert_lacks_at_run_time_renders_empty_instead_of_failing() {
    Map<String, String> rendered = rule().annotations().render("de", context(Map.of("device", "r"), 91));

    assertThat(rendered.get("summary")).isEqualTo(" auf r zu 91 % ausgelastet");
  }

  @Test
  void a_value_that_could_not_be_computed_renders_empty() {
    Rule.AnnotationContext context = new Rule.AnnotationContext(
        Map.of("if_name", "Gi0/1", "device", "r"), Map.of(), OptionalDouble.empty(), Severity.WARNING, SINCE);

    assertThat(rule().annotations().render("de", context).get("summary")).isEqualTo("Gi0/1 auf r zu  % ausgelastet");
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        arguments(93.456, "93,46", "93.46"),
        arguments(93.455, "93,46", "93.46"),
        arguments(90.0, "90", "90"),
        arguments(90.5, "90,5", "90.5"),
        arguments(0.004, "0", "0"),
        arguments(-0.004, "0", "0"),
        arguments(-2.5, "-2,5", "-2.5"),
        arguments(1234567.891, "1234567,89", "1234567.89"));
  }

  @ParameterizedTest(name = "{0} → {1} / {2}")
  @MethodSource("numbers")
  void numbers_have_at_most_two_decimals_and_the_languages_separator(double value, String german, String english) {
    assertThat(Numbers.format(value, "de")).isEqualTo(german);
    assertThat(Numbers.format(value, "en")).isEqualTo(english);
  }

  @Test
  void a_rule_without_annotations_renders_nothing() {
    Rule rule = RuleFixtures.rule(dir, "- {name: quiet, measurement: icmp, severity: info, condition: received == 0}\n");

    assertThat(rule.annotations().render("de", context(Map.of(), 1))).isEmpty();
  }
}
