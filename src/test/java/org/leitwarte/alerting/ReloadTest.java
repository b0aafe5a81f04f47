package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.cpu;
import static org.leitwarte.alerting.TestSamples.iface;
import static org.leitwarte.alerting.TestSamples.instant;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReloadTest {

  private static final Rule INTERFACE_DOWN = TestRules.rule("InterfaceDown", "interface")
      .when(TestRules.fieldIs("oper_status", 2)).forDuration(Duration.ofMinutes(2)).build();
  private static final Rule CPU_HIGH = TestRules.rule("CpuHigh", "cpu").when(TestRules.above("load_pct", 90)).build();

  private final Recorder r = new Recorder(new AlertEvaluator(
      new RuleSet(List.of(INTERFACE_DOWN, CPU_HIGH)), new TestDevices().add("sw1"), Suppressor.NONE));

  @Test
  void a_reload_keeps_the_state_of_unchanged_rules_and_resolves_the_alerts_of_removed_ones() {
    r.accept(iface("sw1", "1", 2, 0), cpu("sw1", 99, 0), iface("sw1", "1", 2, 60));
    // InterfaceDown is pending since 0 s; its condition is edited (for: 1 min), CpuHigh is removed.
    Rule edited = TestRules.rule("InterfaceDown", "interface")
        .when(TestRules.fieldIs("oper_status", 2)).forDuration(Duration.ofMinutes(1)).build();

    List<AlertChange> reload = r.evaluator.replaceRules(new RuleSet(List.of(edited)), instant(70));

    assertThat(reload).singleElement().satisfies(c -> {
      assertThat(c.alert().rule()).isEqualTo("CpuHigh");
      assertThat(c.alert().state()).isEqualTo(AlertState.RESOLVED);
      assertThat(c.stopsNotifying()).isTrue();
    });
    assertThat(r.evaluator.tick(instant(71))).singleElement().satisfies(c -> {
      assertThat(c.alert().rule()).isEqualTo("InterfaceDown");
      assertThat(c.alert().state()).isEqualTo(AlertState.FIRING);
      assertThat(c.alert().activeSince()).isEqualTo(instant(0));
    });
    assertThat(r.accept(cpu("sw1", 99, 120))).isEmpty();
  }

  @Test
  void a_rule_whose_severity_changes_ends_its_old_alerts_and_starts_new_ones() {
    r.accept(cpu("sw1", 99, 0));
    Rule warning = TestRules.rule("CpuHigh", "cpu").when(TestRules.above("load_pct", 90)).severity(Severity.WARNING).build();

    List<AlertChange> reload = r.evaluator.replaceRules(new RuleSet(List.of(INTERFACE_DOWN, warning)), instant(10));
    List<AlertChange> next = r.accept(cpu("sw1", 99, 60));

    assertThat(reload).singleElement().satisfies(c -> assertThat(c.alert().severity()).isEqualTo(Severity.CRITICAL));
    assertThat(next).singleElement().satisfies(c -> {
      assertThat(c.alert().severity()).isEqualTo(Severity.WARNING);
      assertThat(c.startsNotifying()).isTrue();
    });
  }

  @Test
  void a_series_that_no_longer_matches_after_a_reload_resolves() {
    r.accept(cpu("sw1", 99, 0));
    Rule onlyCore = TestRules.rule("CpuHigh", "cpu").when(TestRules.above("load_pct", 90))
        .matching(Matcher.equal("role", "core")).build();

    List<AlertChange> reload = r.evaluator.replaceRules(new RuleSet(List.of(onlyCore)), instant(10));

    assertThat(reload).singleElement().satisfies(c -> assertThat(c.alert().state()).isEqualTo(AlertState.RESOLVED));
    assertThat(r.accept(cpu("sw1", 99, 60))).isEmpty();
  }

  @Test
  void a_device_removed_from_the_inventory_takes_its_alerts_with_it() {
    r.accept(iface("sw1", "1", 2, 0), cpu("sw1", 99, 0), cpu("sw2", 99, 0));

    List<AlertChange> forgotten = r.evaluator.forgetDevice("sw1", instant(30));

    assertThat(forgotten).extracting(c -> c.alert().rule(), c -> c.alert().state()).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("InterfaceDown", AlertState.RESOLVED),
        org.assertj.core.groups.Tuple.tuple("CpuHigh", AlertState.RESOLVED));
    assertThat(r.evaluator.active()).extracting(Alert::device).containsExactly("sw2");
    assertThat(r.evaluator.stats().series()).isEqualTo(1);
  }
}
