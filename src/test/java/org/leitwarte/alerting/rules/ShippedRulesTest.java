package org.leitwarte.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.leitwarte.alerting.Rule.Condition.Verdict.ERROR;
import static org.leitwarte.alerting.Rule.Condition.Verdict.FALSE;
import static org.leitwarte.alerting.Rule.Condition.Verdict.TRUE;
import static org.leitwarte.alerting.rules.RuleFixtures.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.Severity;
import org.leitwarte.collect.Sample;

/** The rules shipped in alert-rules/: they load, and each condition does what its name says. */
class ShippedRulesTest {

  private static RuleSet rules;

  @BeforeAll
  static void load() throws Exception {
    rules = RuleLoader.load(Path.of("alert-rules"));
  }

  @Test
  void every_shipped_rule_loads() {
    assertThat(rules.all()).map(Rule::name).containsExactlyInAnyOrder(
        "device_unreachable", "packet_loss", "high_latency", "snmp_agent_down_icmp_ok", "device_unreachable_snmp",
        "snmp_auth_failure", "device_rebooted",
        "interface_down", "interface_utilisation", "interface_errors", "interface_link_down_trap",
        "cpu_high", "memory_nearly_full", "disk_nearly_full", "disk_critically_full",
        "leitwarte_influx_unreachable", "leitwarte_spool_growing",
        "service_check_failed", "http_status_unexpected", "ntp_offset_high", "ntp_offset_critical",
        "certificate_expiring", "certificate_expiring_critical");
  }

  @Test
  void every_shipped_rule_has_a_german_and_english_summary_and_a_runbook() {
    Map<String, String> labels = new HashMap<>(Map.of("tenant", "wernigerode", "site", "rathaus", "device", "wr-router",
        "if_name", "Gi0/1", "if_index", "1", "storage", "/var", "type", "disk", "cpu", "all"));
    for (Rule rule : rules.all()) {
      Rule.AnnotationContext context = new Rule.AnnotationContext(
          labels, Map.of(), java.util.OptionalDouble.of(97.125), rule.severity(), Instant.EPOCH);
      Map<String, String> german = rule.annotations().render("de", context);
      Map<String, String> english = rule.annotations().render("en", context);
      assertThat(german.get("summary")).as(rule.name()).isNotBlank().isNotEqualTo(english.get("summary"));
      assertThat(german.get("description")).as(rule.name()).isNotBlank().isNotEqualTo(english.get("description"));
      assertThat(german.get("runbook")).as(rule.name()).isEqualTo("https://wiki.leitwarte.local/runbooks/" + rule.name());
    }
  }

  @Test
  void settings_that_the_comments_promise() {
    assertThat(rule("device_unreachable").forDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(rule("device_unreachable").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule("device_unreachable_snmp").forDuration()).isEqualTo(rule("device_unreachable").forDuration());
    assertThat(rule("device_unreachable_snmp").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule("device_rebooted").keepFiringFor()).isEqualTo(Duration.ofMinutes(15));
    assertThat(rule("interface_utilisation").forDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(rule("disk_critically_full").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule("leitwarte_influx_unreachable").severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void cpu_memory_and_disk_rules_look_at_the_right_series() {
    assertThat(matches("cpu_high", Map.of("cpu", "all"))).isTrue();
    assertThat(matches("cpu_high", Map.of("cpu", "3"))).isFalse();
    assertThat(matches("memory_nearly_full", Map.of("type", "ram"))).isTrue();
    assertThat(matches("memory_nearly_full", Map.of("type", "disk"))).isFalse();
    assertThat(matches("disk_nearly_full", Map.of("type", "disk"))).isTrue();
    assertThat(matches("disk_critically_full", Map.of("type", "ram"))).isFalse();
  }

  static Stream<Arguments> conditions() {
    Sample snmpOk = sample("snmp", "reachable", 1L, "status", "ok", "uptime_s", 3_000_000L);
    Sample snmpTimeout = sample("snmp", "reachable", 0L, "status", "timeout");
    return Stream.of(
        arguments("device_unreachable", "all pings lost", now(sample("icmp", "sent", 3L, "received", 0L, "loss_pct", 100.0)), TRUE),
        arguments("device_unreachable", "one reply", now(sample("icmp", "sent", 3L, "received", 1L, "loss_pct", 66.7)), FALSE),
        arguments("packet_loss", "two of three lost", now(sample("icmp", "sent", 3L, "received", 1L, "loss_pct", 66.7)), TRUE),
        arguments("packet_loss", "none lost", now(sample("icmp", "sent", 3L, "received", 3L, "loss_pct", 0.0)), FALSE),
        arguments("packet_loss", "all lost is device_unreachable's", now(sample("icmp", "sent", 3L, "received", 0L, "loss_pct", 100.0)), FALSE),
        arguments("high_latency", "150 ms", now(sample("icmp", "sent", 3L, "received", 3L, "rtt_avg_ms", 150.0)), TRUE),
        arguments("high_latency", "20 ms", now(sample("icmp", "sent", 3L, "received", 3L, "rtt_avg_ms", 20.0)), FALSE),
        arguments("high_latency", "no reply, no round-trip time", now(sample("icmp", "sent", 3L, "received", 0L)), FALSE),
        arguments("snmp_agent_down_icmp_ok", "timeout, pings answered", pinged(snmpTimeout, false), TRUE),
        arguments("snmp_agent_down_icmp_ok", "timeout, no ping reply either", pinged(snmpTimeout, true), FALSE),
        arguments("snmp_agent_down_icmp_ok", "timeout, device not pinged", now(snmpTimeout), FALSE),
        arguments("snmp_agent_down_icmp_ok", "wrong community is another alert",
            pinged(sample("snmp", "reachable", 0L, "status", "auth_failure"), false), FALSE),
        arguments("snmp_agent_down_icmp_ok", "answers", pinged(snmpOk, false), FALSE),
        arguments("device_unreachable_snmp", "timeout, device not pinged", now(snmpTimeout), TRUE),
        arguments("device_unreachable_snmp", "timeout, device pinged", pinged(snmpTimeout, false), FALSE),
        arguments("device_unreachable_snmp", "answers", now(snmpOk), FALSE),
        arguments("snmp_auth_failure", "credentials refused", now(sample("snmp", "reachable", 0L, "status", "auth_failure")), TRUE),
        arguments("snmp_auth_failure", "timeout", now(snmpTimeout), FALSE),
        arguments("device_rebooted", "uptime went backwards", after(sample("snmp", "reachable", 1L, "uptime_s", 2_000L), snmpOk), TRUE),
        arguments("device_rebooted", "back after an outage, up 4 minutes", after(sample("snmp", "reachable", 1L, "uptime_s", 240L), snmpTimeout), TRUE),
        arguments("device_rebooted", "uptime grows", after(sample("snmp", "reachable", 1L, "uptime_s", 3_000_060L), snmpOk), FALSE),
        arguments("device_rebooted", "first sample of a device up for a month", now(snmpOk), FALSE),
        arguments("device_rebooted", "sysUpTime wrapped after 497 days",
            after(sample("snmp", "reachable", 1L, "uptime_s", 30L), sample("snmp", "reachable", 1L, "uptime_s", 42_949_650L)), FALSE),
        arguments("device_rebooted", "timeout", after(snmpTimeout, snmpOk), ERROR),
        arguments("device_rebooted", "the poll after the wrap",
            after(sample("snmp", "reachable", 1L, "uptime_s", 90L), sample("snmp", "reachable", 1L, "uptime_s", 30L)), FALSE),
        arguments("device_rebooted", "back after an outage, up two hours", after(sample("snmp", "reachable", 1L, "uptime_s", 7_200L), snmpTimeout), FALSE),
        arguments("interface_down", "enabled without link", now(sample("interface", "admin_status", 1L, "oper_status", 2L, "alias", "Uplink")), TRUE),
        arguments("interface_down", "access port without description", now(sample("interface", "admin_status", 1L, "oper_status", 2L, "alias", "")), FALSE),
        arguments("interface_down", "switched off", now(sample("interface", "admin_status", 2L, "oper_status", 2L)), FALSE),
        arguments("interface_down", "up", now(sample("interface", "admin_status", 1L, "oper_status", 1L)), FALSE),
        arguments("interface_link_down_trap", "linkDown trap", now(sample("snmp_trap", "trap", "linkDown")), TRUE),
        arguments("interface_link_down_trap", "linkUp trap", now(sample("snmp_trap", "trap", "linkUp")), FALSE),
        arguments("interface_utilisation", "95 % out", now(sample("interface", "util_in_pct", 3.0, "util_out_pct", 95.0)), TRUE),
        arguments("interface_utilisation", "85 % both", now(sample("interface", "util_in_pct", 85.0, "util_out_pct", 85.0)), FALSE),
        arguments("interface_errors", "1.5 errors/s", now(sample("interface", "in_errors_ps", 1.0, "out_errors_ps", 0.5)), TRUE),
        arguments("interface_errors", "0.1 errors/s", now(sample("interface", "in_errors_ps", 0.1, "out_errors_ps", 0.0)), FALSE),
        arguments("cpu_high", "95 %", now(sample("cpu", "load_pct", 95.0)), TRUE),
        arguments("cpu_high", "50 %", now(sample("cpu", "load_pct", 50.0)), FALSE),
        arguments("memory_nearly_full", "96 %", now(sample("storage", "used_pct", 96.0)), TRUE),
        arguments("memory_nearly_full", "80 %", now(sample("storage", "used_pct", 80.0)), FALSE),
        arguments("disk_nearly_full", "92 %", now(sample("storage", "used_pct", 92.0)), TRUE),
        arguments("disk_nearly_full", "89 %", now(sample("storage", "used_pct", 89.0)), FALSE),
        arguments("disk_critically_full", "98 %", now(sample("storage", "used_pct", 98.0)), TRUE),
        arguments("disk_critically_full", "92 %", now(sample("storage", "used_pct", 92.0)), FALSE),
        arguments("leitwarte_influx_unreachable", "down", now(sample("leitwarte", "influx_up", 0L)), TRUE),
        arguments("leitwarte_influx_unreachable", "up", now(sample("leitwarte", "influx_up", 1L)), FALSE),
        arguments("leitwarte_spool_growing", "grew", after(sample("leitwarte", "spool_lines", 900L), sample("leitwarte", "spool_lines", 500L)), TRUE),
        arguments("leitwarte_spool_growing", "stuck", after(sample("leitwarte", "spool_lines", 500L), sample("leitwarte", "spool_lines", 500L)), TRUE),
        arguments("leitwarte_spool_growing", "first sample after a start", now(sample("leitwarte", "spool_lines", 500L)), TRUE),
        arguments("leitwarte_spool_growing", "draining", after(sample("leitwarte", "spool_lines", 400L), sample("leitwarte", "spool_lines", 500L)), FALSE),
        arguments("leitwarte_spool_growing", "empty", after(sample("leitwarte", "spool_lines", 0L), sample("leitwarte", "spool_lines", 0L)), FALSE));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("conditions")
  void condition_does_what_the_rule_name_says(String rule, String situation, Evaluation evaluation, Rule.Condition.Verdict expected) {
    assertThat(rule(rule).condition().test(evaluation)).isEqualTo(expected);
  }

  @Test
  void interface_utilisation_clears_only_below_80_percent_in_both_directions() {
    Rule.Condition clear = rule("interface_utilisation").clearCondition().orElseThrow();

    assertThat(clear.test(now(sample("interface", "util_in_pct", 85.0, "util_out_pct", 10.0)))).isEqualTo(FALSE);
    assertThat(clear.test(now(sample("interface", "util_in_pct", 79.0, "util_out_pct", 10.0)))).isEqualTo(TRUE);
    assertThat(rule("cpu_high").clearCondition().orElseThrow().test(now(sample("cpu", "load_pct", 85.0)))).isEqualTo(FALSE);
  }

  @Test
  void interface_utilisation_shows_the_busier_direction() {
    assertThat(rule("interface_utilisation").value().orElseThrow()
        .value(now(sample("interface", "util_in_pct", 12.0, "util_out_pct", 96.5))))
        .hasValue(96.5);
  }

  private static Rule rule(String name) {
    return rules.rule(name).orElseThrow();
  }

  private static boolean matches(String rule, Map<String, String> tags) {
    return Matcher.all(rule(rule).matchers(), tags);
  }

  private static Evaluation now(Sample sample) {
    return new Evaluation(sample, sample.tags(), Optional.empty());
  }

  private static Evaluation pinged(Sample sample, boolean deviceDown) {
    return new Evaluation(sample, sample.tags(), Optional.empty(), deviceDown, true);
  }

  private static Evaluation after(Sample sample, Sample previous) {
    return new Evaluation(sample, sample.tags(), Optional.of(previous));
  }
}
