package org.leitwarte.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.rules.RuleFixtures.evaluation;
import static org.leitwarte.alerting.rules.RuleFixtures.sample;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.Rule.Condition.Verdict;
import org.leitwarte.collect.Sample;

class CelConditionTest {

  @TempDir Path dir;

  private Rule.Condition condition(String measurement, String expression) {
    return RuleFixtures.rule(dir, """
        - name: probe
          measurement: %s
          severity: info
          condition: '%s'
        """.formatted(measurement, expression.replace("'", "''"))).condition();
  }

  static Stream<Arguments> verdicts() {
    Sample down = sample("interface", "admin_status", 1L, "oper_status", 2L, "util_in_pct", 95.5, "util_out_pct", 10.0);
    Sample up = sample("interface", "admin_status", 1L, "oper_status", 1L, "util_in_pct", 50.0, "util_out_pct", 10.0);
    Sample noUtil = sample("interface", "admin_status", 1L, "oper_status", 1L);
    return Stream.of(
        arguments("admin_status == 1 && oper_status == 2", down, Verdict.TRUE),
        arguments("admin_status == 1 && oper_status == 2", up, Verdict.FALSE),
        arguments("int literal against a double field", "util_in_pct > 90", down, Verdict.TRUE),
        arguments("double literal against an int field", "oper_status > 1.5", down, Verdict.TRUE),
        arguments("sum of doubles against an int", "util_in_pct + util_out_pct > 100", down, Verdict.TRUE),
        arguments("missing field", "util_in_pct > 90", noUtil, Verdict.ERROR),
        arguments("missing field after a false &&", "oper_status == 2 && util_in_pct > 90", noUtil, Verdict.FALSE),
        arguments("missing field after a true ||", "oper_status == 1 || util_in_pct > 90", noUtil, Verdict.TRUE),
        arguments("missing field after a true &&", "oper_status == 1 && util_in_pct > 90", noUtil, Verdict.ERROR),
        arguments("division by zero", "oper_status / (admin_status - 1) > 0", down, Verdict.ERROR),
        arguments("an integer sent for a float field is widened", "util_in_pct > 90",
            sample("interface", "util_in_pct", 95L), Verdict.TRUE))
        .map(a -> a.get().length == 3 ? arguments(a.get()[0], a.get()[0], a.get()[1], a.get()[2]) : a);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void condition_gives_true_false_or_error(String description, String expression, Sample sample, Verdict expected) {
    assertThat(condition("interface", expression).test(evaluation(sample))).isEqualTo(expected);
  }

  @Test
  void previous_is_the_previous_samples_fields_and_empty_for_the_first() {
    Rule.Condition rebooted = condition("snmp", "has(previous.uptime_s) && uptime_s < previous.uptime_s");
    Sample before = sample("snmp", "reachable", 1L, "uptime_s", 86_400L);
    Sample after = sample("snmp", "reachable", 1L, "uptime_s", 60L);

    assertThat(rebooted.test(evaluation(after, before))).isEqualTo(Verdict.TRUE);
    assertThat(rebooted.test(evaluation(before, after))).isEqualTo(Verdict.FALSE);
    assertThat(rebooted.test(evaluation(after))).isEqualTo(Verdict.FALSE);
  }

  @Test
  void labels_hold_the_tags_and_the_device_labels() {
    Rule.Condition router = condition("icmp", "labels.role == 'router' && labels.device == 'r1'");
    Sample sample = sample("icmp", "sent", 3L, "received", 0L);

    assertThat(router.test(evaluation(sample, Map.of("role", "router")))).isEqualTo(Verdict.TRUE);
    assertThat(router.test(evaluation(sample, Map.of("role", "switch")))).isEqualTo(Verdict.FALSE);
    // A label the device does not have is an error in CEL; "in" asks first.
    assertThat(router.test(evaluation(sample))).isEqualTo(Verdict.ERROR);
    assertThat(condition("icmp", "'role' in labels && labels.role == 'router'").test(evaluation(sample)))
        .isEqualTo(Verdict.FALSE);
  }

  @Test
  void value_expression_gives_a_number_or_nothing() {
    Rule rule = RuleFixtures.rule(dir, """
        - name: probe
          measurement: interface
          severity: info
          condition: util_in_pct > 90 || util_out_pct > 90
          value: "util_in_pct > util_out_pct ? util_in_pct : util_out_pct"
        """);
    Rule.ValueExpression value = rule.value().orElseThrow();

    assertThat(value.value(evaluation(sample("interface", "util_in_pct", 12.5, "util_out_pct", 93.25))))
        .isEqualTo(OptionalDouble.of(93.25));
    assertThat(value.value(evaluation(sample("interface", "oper_status", 1L)))).isEmpty();
  }

  @Test
  void integer_value_expression_is_a_double() {
    Rule rule = RuleFixtures.rule(dir, """
        - {name: probe, measurement: snmp, severity: info, condition: reachable == 0, value: uptime_s / 60}
        """);

    assertThat(rule.value().orElseThrow().value(evaluation(sample("snmp", "uptime_s", 150L))))
        .isEqualTo(OptionalDouble.of(2));
  }

  @Test
  void one_compiled_condition_serves_several_threads_at_once() throws Exception {
    Rule.Condition condition = condition("snmp", "has(previous.uptime_s) && uptime_s < previous.uptime_s");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        wrong.add(threads.submit(() -> {
          int mistakes = 0;
          for (long i = 0; i < 20_000; i++) {
            boolean rebooted = (i + offset) % 2 == 0;
            Sample now = sample("snmp", "uptime_s", rebooted ? 10L : 1_000L + i);
            Sample before = sample("snmp", "uptime_s", 999L + i);
            if (condition.test(evaluation(now, before)) != (rebooted ? Verdict.TRUE : Verdict.FALSE)) {
              mistakes++;
            }
          }
          return mistakes;
        }));
      }
      for (Future<Integer> mistakes : wrong) {
        assertThat(mistakes.get()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void one_compiled_condition_serves_many_samples() {
    Rule.Condition condition = condition("icmp", "loss_pct > 20");
    for (int loss = 0; loss <= 100; loss += 10) {
      Evaluation evaluation = evaluation(sample("icmp", "loss_pct", (double) loss));
      assertThat(condition.test(evaluation)).isEqualTo(loss > 20 ? Verdict.TRUE : Verdict.FALSE);
    }
  }
}
