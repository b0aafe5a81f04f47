package org.leitwarte.alerting.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.config.Problem;

/** A test file that cannot be used says where and why, as {@code file:line: message}, and runs nothing. */
class RuleTestFileProblemsTest {

  /** A valid test to break in one place: line 2 is the test, 5 the fields, 7 the check. */
  private static final String VALID = """
      tests:
        - name: t
          input:
            - measurement: icmp
              fields: {sent: "3x2", received: "0x2"}
          expect:
            - at: 1m
              alerts:
                - {rule: device_down}
      """;

  @TempDir Path dir;

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        arguments("a misspelt top-level key", VALID + "evaluaton_interval: 5s\n",
            "t.yaml:10: unknown key 'evaluaton_interval' (did you mean 'evaluation_interval'?)"),
        arguments("a field the measurement does not have", VALID.replace("received:", "recieved:"),
            "t.yaml:5: test 't': input[0]: fields.recieved: not a field of icmp (did you mean 'received'?); its fields: "
                + "sent, received, loss_pct, rtt_min_ms, rtt_avg_ms, rtt_max_ms, jitter_ms"),
        arguments("a decimal for an integer field", VALID.replace("\"0x2\"", "\"0.5x2\""),
            "t.yaml:5: test 't': input[0]: fields.received: '0.5x2': an integer field takes whole numbers"),
        arguments("an unknown measurement", VALID.replace("measurement: icmp", "measurement: ping"),
            "t.yaml:4: test 't': input[0]: measurement: unknown measurement 'ping'"),
        arguments("a tag the measurement does not have", VALID.replace("- measurement: icmp",
            "- measurement: icmp\n        tags: {if_name: Gi0/1}"),
            "t.yaml:5: test 't': input[0]: tags: 'if_name' is not a tag of icmp; its tags: tenant, site, device"),
        arguments("a rule the rule files do not have", VALID.replace("rule: device_down", "rule: device_dwon"),
            "t.yaml:9: test 't': alerts: rule: no rule 'device_dwon' in the rule files (did you mean 'device_down'?)"),
        arguments("a resolved alert expected as active", VALID.replace("{rule: device_down}",
            "{rule: device_down, state: resolved}"),
            "t.yaml:9: test 't': expect[0]: alerts[0]: state: expected firing or pending, got 'resolved'"),
        arguments("a misspelt key of an expected alert", VALID.replace("{rule: device_down}",
            "{rule: device_down, suppresed_by: x}"),
            "t.yaml:9: test 't': expect[0]: alerts[0]: unknown key 'suppresed_by' (did you mean 'suppressed_by'?)"),
        arguments("a check without alerts", VALID.replace("      alerts:\n          - {rule: device_down}\n", ""),
            "t.yaml:7: test 't': expect[0]: missing key 'alerts' (the alerts active then, pending or firing; [] for none)"),
        arguments("a time without unit", VALID.replace("at: 1m", "at: 60"),
            "t.yaml:7: test 't': expect[0]: at: expected a duration with a unit, got '60'"),
        arguments("a start without offset", "start: \"2026-03-03T21:00\"\n" + VALID,
            "t.yaml:1: start: expected a date-time with offset such as \"2026-03-03T21:00:00+01:00\", got '2026-03-03T21:00'"),
        arguments("a maintenance time that does not exist", """
            maintenance:
              - scope: {device: r1}
                schedule: {weekdays: [tuesday], times: [{start: "22:00", end: "25:00"}]}
            """ + VALID,
            "t.yaml:3: maintenance[0]: schedule.times[0].end: '25:00' is not a time of day (00:00 to 24:00)"),
        arguments("a maintenance time YAML read as a number", """
            maintenance:
              - scope: {device: r1}
                schedule: {weekdays: [tuesday], times: [{start: 22:00, end: "23:00"}]}
            """ + VALID,
            "t.yaml:3: maintenance[0]: schedule.times[0].start: write the time in quotes (\"22:00\"): unquoted, YAML reads 22:00 as the number 1320"),
        arguments("a maintenance window for every alert", """
            maintenance:
              - scope: {device: "=~.*"}
                schedule: {weekdays: [tuesday]}
            """ + VALID,
            "t.yaml:2: maintenance[0]: scope: scope: [device=~\".*\"] would match every alert"),
        arguments("a silence that ends before it starts", """
            silences:
              - {matchers: {device: r1}, start: 10m, end: 5m}
            """ + VALID,
            "t.yaml:2: silences[0]: end: must be after start (10m), got 5m"),
        arguments("a parent that is not listed", """
            devices:
              - {id: router, tenant: wr}
              - {id: pc1, parent: ruoter}
            """ + VALID,
            "t.yaml:3: device 'pc1': parent: device 'ruoter' is not listed under devices (did you mean 'router'?)"),
        arguments("a notification check without a count", VALID + """
                notifications:
                  - {from: 0m, to: 2m}
            """,
            "t.yaml:11: test 't': notifications[0]: give count: (alerts that start notifying) or resolved: (notifying alerts that end), or both"),
        arguments("a missing rule file", "rule_files: [nothere.yaml]\n" + VALID,
            "t.yaml:1: rule_files: "),
        arguments("no tests", "interval: 1m\n",
            "t.yaml:1: missing key 'tests' (a list of tests)"),
        arguments("broken YAML", VALID.replace("name: t", "name: [t"),
            "t.yaml:3: YAML syntax error: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void a_broken_test_file_names_file_line_and_what_is_wrong(String what, String content, String problem) throws Exception {
    Files.createDirectories(dir.resolve("rules/tests"));
    Files.writeString(dir.resolve("rules/icmp.yaml"), """
        rules:
          - {name: device_down, measurement: icmp, condition: received == 0, severity: critical}
        """);
    Path file = Files.writeString(dir.resolve("rules/tests/t.yaml"), content);

    FileResult result = RuleTestRunner.run(file, "t.yaml");

    assertThat(result.valid()).isFalse();
    assertThat(result.tests()).isEmpty();
    assertThat(result.problems()).map(Problem::toString).anySatisfy(text -> assertThat(text).startsWith(problem));
    assertThat(result.report()).endsWith("t.yaml: invalid, no test was run\n");
  }
}
