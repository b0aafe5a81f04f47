package org.leitwarte.alerting.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on small rule and test files of its own: what passes, and what a failure looks like. */
class RuleTestRunnerTest {

  static final String RULES = """
      rules:
        - name: device_down
          measurement: icmp
          condition: sent > 0 && received == 0
          for: 1m
          keep_firing_for: 30s
          severity: critical
          annotations:
            summary: {de: "{{labels.device}} ist nicht erreichbar", en: "{{labels.device}} is unreachable"}
        - name: slow
          measurement: icmp
          condition: rtt_avg_ms > 100
          severity: warning
          value: rtt_avg_ms
          annotations:
            summary: "{{labels.device}} antwortet langsam"
      """;

  @TempDir Path dir;

  @BeforeEach
  void rules() throws Exception {
    Files.createDirectories(dir.resolve("rules/tests"));
    Files.writeString(dir.resolve("rules/icmp.yaml"), RULES);
  }

  FileResult run(String test) throws Exception {
    Path file = Files.writeString(dir.resolve("rules/tests/icmp-test.yaml"), test);
    return RuleTestRunner.run(file, "icmp-test.yaml");
  }

  @Test
  void a_test_that_holds_passes_and_says_so() throws Exception {
    FileResult result = run("""
        tests:
          - name: router down
            input:
              - measurement: icmp
                tags: {device: r1}
                fields: {sent: "3x3", received: "3 0x2"}
            expect:
              - at: 1m
                alerts:
                  - {rule: device_down, state: pending, labels: {device: r1}}
              - at: 2m
                alerts:
                  - rule: device_down
                    exact_labels: {device: r1}
                    annotations: {summary: "r1 ist nicht erreichbar"}
                    annotations_en: {summary: "r1 is unreachable"}
            notifications:
              - {from: 0m, to: 3m, rule: device_down, count: 1}
        """);

    assertThat(result.passed()).as(result.report()).isTrue();
    assertThat(result.report()).isEqualTo("icmp-test.yaml: 1 test passed\n");
  }

  @Test
  void a_wrong_expectation_shows_what_was_expected_and_what_came() throws Exception {
    FileResult result = run("""
        tests:
          - name: router down
            input:
              - measurement: icmp
                tags: {device: r1}
                fields: {sent: "3x3", received: "3 0x2", rtt_avg_ms: "150 _x2"}
            expect:
              - at: 2m
                alerts:
                  - {rule: device_down, state: pending, labels: {device: r1}, suppressed_by: "parent:r0"}
                  - {rule: device_down, labels: {device: r2}}
            notifications:
              - {from: 0m, to: 3m, count: 1}
          - name: nothing at the start
            input:
              - measurement: icmp
                tags: {device: r1}
                fields: {sent: "3", received: "3"}
            expect:
              - {at: 0m, alerts: []}
        """);

    assertThat(result.passed()).isFalse();
    assertThat(result.report()).isEqualTo("""
        icmp-test.yaml:2: FAILED: test 'router down'
          at 2m (line 8):
            device_down {device="r1"}:
              state: expected pending, got firing
              suppressed_by: expected parent:r0, got none
            missing: device_down firing {device="r2"}
            unexpected: slow firing {device="r1"} value=150 summary="r1 antwortet langsam"
            got:
              device_down firing {device="r1"} summary="r1 ist nicht erreichbar"
              slow firing {device="r1"} value=150 summary="r1 antwortet langsam"
          notifications from 0s to 3m (line 13):
            count: expected 1, got 2 (alerts that start notifying)
            got:
              0s starts notifying: slow firing {device="r1"} value=150 summary="r1 antwortet langsam"
              2m starts notifying: device_down firing {device="r1"} summary="r1 ist nicht erreichbar"
        icmp-test.yaml: 1 of 2 tests failed
        """);
  }

  @Test
  void exact_labels_must_be_all_labels_but_alertname_and_severity() throws Exception {
    FileResult result = run("""
        devices:
          - {id: r1, tenant: wr, site: rathaus, labels: {role: router}}
        tests:
          - name: exact
            input:
              - measurement: icmp
                tags: {device: r1}
                fields: {sent: "3x1", received: "0x1"}
            expect:
              - at: 1m
                alerts:
                  - {rule: device_down, exact_labels: {tenant: wr, site: rathaus, device: r1, role: router}}
          - name: one label short
            input:
              - measurement: icmp
                tags: {device: r1}
                fields: {sent: "3x1", received: "0x1"}
            expect:
              - at: 1m
                alerts:
                  - {rule: device_down, exact_labels: {tenant: wr, site: rathaus, device: r1}}
        """);

    assertThat(result.tests()).extracting(TestResult::passed).containsExactly(true, false);
    assertThat(result.tests().get(1).failures()).singleElement().asString().contains(
        "exact_labels: expected {device=\"r1\", site=\"rathaus\", tenant=\"wr\"}, "
            + "got {device=\"r1\", role=\"router\", site=\"rathaus\", tenant=\"wr\"}");
  }

  @Test
  void a_loose_expectation_does_not_take_the_alert_a_precise_one_needs() throws Exception {
    FileResult result = run("""
        tests:
          - name: two devices down
            input:
              - {measurement: icmp, tags: {device: r1}, fields: {sent: "3x1", received: "0x1"}}
              - {measurement: icmp, tags: {device: r2}, fields: {sent: "3x1", received: "0x1"}}
            expect:
              - at: 1m
                rule: device_down
                alerts:
                  - {labels: {}}
                  - {labels: {device: r1}}
        """);

    assertThat(result.passed()).as(result.report()).isTrue();
  }

  @Test
  void the_clock_ticks_between_samples_so_keep_firing_for_ends_on_time() throws Exception {
    FileResult result = run("""
        evaluation_interval: 10s
        tests:
          - name: keep firing for 30s
            input:
              - {measurement: icmp, tags: {device: r1}, fields: {sent: "3x3", received: "0 0 3 3"}}
            expect:
              - {at: 2m20s, alerts: [{rule: device_down}]}
              - {at: 2m30s, alerts: []}
            notifications:
              - {from: 2m30s, to: 2m30s, resolved: 1}
        """);

    assertThat(result.passed()).as(result.report()).isTrue();
  }

  @Test
  void devices_give_tags_and_parents_and_maintenance_and_silences_suppress() throws Exception {
    FileResult result = run("""
        start: "2026-03-10T21:00:00+01:00"
        devices:
          - {id: r0, tenant: wr, site: rathaus}
          - {id: r1, tenant: wr, site: rathaus, parent: r0}
          - {id: r2, tenant: wr, site: bauhof}
        maintenance:
          - scope: {site: bauhof}
            schedule: {start: "2026-03-10T21:00:00+01:00", end: "2026-03-10T22:00:00+01:00"}
        silences:
          - {matchers: {alertname: slow, device: "=~r.*"}, end: 1h}
        tests:
          - name: suppressed three ways
            input:
              - {measurement: icmp, tags: {device: r0}, fields: {sent: "3x1", received: "0x1"}}
              - {measurement: icmp, tags: {device: r1}, fields: {sent: "3x1", received: "0x1"}}
              - {measurement: icmp, tags: {device: r2}, fields: {sent: "3x1", received: "0x1"}}
              - {measurement: icmp, tags: {device: r3}, fields: {rtt_avg_ms: "120"}}
            expect:
              - at: 1m
                alerts:
                  - {rule: device_down, exact_labels: {tenant: wr, site: rathaus, device: r0}}
                  - {rule: device_down, labels: {device: r1}, suppressed_by: "parent:r0"}
                  - {rule: device_down, labels: {device: r2, site: bauhof}, suppressed_by: "maintenance:1"}
                  - {rule: slow, labels: {device: r3}, suppressed_by: "silence:1", value: 120}
            notifications:
              - {from: 0m, to: 1m, count: 1, labels: {device: r0}}
              - {from: 0m, to: 1m, count: 1}
        """);

    assertThat(result.passed()).as(result.report()).isTrue();
  }

  @Test
  void named_rule_files_are_taken_alone_even_beside_a_broken_one() throws Exception {
    Files.writeString(dir.resolve("rules/broken.yaml"), "rules:\n  - {name: broken}\n");
    Files.writeString(dir.resolve("rules/other.yaml"), RULES.replace("device_down", "other_down").replace("slow", "other_slow"));
    String test = """
        rule_files: [%s]
        tests:
          - name: loads
            input:
              - {measurement: icmp, tags: {device: r1}, fields: {sent: "3", received: "3"}}
            expect:
              - {at: 0m, alerts: []}
        """;

    assertThat(run(test.formatted("../icmp.yaml")).passed()).isTrue();
    assertThat(run(test.formatted("'../i*.yaml'")).passed()).isTrue();
    assertThat(run(test.formatted("../icmp.yaml, ../other.yaml")).passed()).isTrue();
    assertThat(run(test.formatted("..")).report()).contains("broken.yaml:2: ");
    assertThat(run(test.formatted("'../*.yaml'")).report()).contains("broken.yaml:2: ");
  }

  @Test
  void the_same_rule_in_two_named_files_is_a_problem() throws Exception {
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("elsewhere/icmp.yaml"), RULES);

    FileResult result = run("""
        rule_files: [../icmp.yaml, ../../elsewhere/icmp.yaml]
        tests:
          - name: loads
            input:
              - {measurement: icmp, tags: {device: r1}, fields: {sent: "3", received: "3"}}
            expect:
              - {at: 0m, alerts: []}
        """);

    assertThat(result.valid()).isFalse();
    assertThat(result.report()).contains("icmp-test.yaml:1: rule_files: rule 'device_down' is defined twice");
  }
}
