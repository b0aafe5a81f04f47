package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.at;
import static org.leitwarte.alerting.TestSamples.cpu;
import static org.leitwarte.alerting.TestSamples.iface;
import static org.leitwarte.alerting.TestSamples.instant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertLifecycleTest {

  private static final Rule INTERFACE_DOWN = TestRules.rule("InterfaceDown", "interface")
      .when(TestRules.fieldIs("oper_status", 2))
      .forDuration(Duration.ofMinutes(1))
      .build();

  private final TestDevices devices = new TestDevices()
      .add("sw1", Map.of("role", "access-switch"), Duration.ofSeconds(30), null);

  private Recorder evaluator(Rule... rules) {
    return new Recorder(new AlertEvaluator(new RuleSet(List.of(rules)), devices, Suppressor.NONE));
  }

  @Test
  void condition_held_for_its_for_duration_fires_once() {
    Recorder r = evaluator(INTERFACE_DOWN);

    assertThat(r.accept(iface("sw1", "1", 2, 0))).singleElement()
        .satisfies(c -> assertThat(c.alert().state()).isEqualTo(AlertState.PENDING))
        .satisfies(c -> assertThat(c.previousState()).isEmpty());
    assertThat(r.accept(iface("sw1", "1", 2, 30))).isEmpty();
    List<AlertChange> fired = r.accept(iface("sw1", "1", 2, 60));
    r.accept(iface("sw1", "1", 2, 90), iface("sw1", "1", 2, 120));

    assertThat(fired).singleElement().satisfies(c -> {
      assertThat(c.alert().state()).isEqualTo(AlertState.FIRING);
      assertThat(c.startsNotifying()).isTrue();
      assertThat(c.alert().activeSince()).isEqualTo(instant(0));
      assertThat(c.alert().since()).isEqualTo(instant(60));
    });
    assertThat(r.pages()).isEqualTo(1);
  }

  @Test
  void alert_labels_join_tags_device_labels_rule_labels_alertname_and_severity() {
    Rule rule = TestRules.rule("InterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2))
        .labels(Map.of("team", "network", "role", "overridden-by-rule")).severity(Severity.WARNING).build();
    Recorder r = evaluator(rule);

    Alert alert = r.accept(iface("sw1", "7", 2, 0)).get(0).alert();

    assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "tenant", "t1", "site", "s1", "device", "sw1", "if_index", "7", "if_name", "Gi1/0/7",
        "role", "overridden-by-rule", "team", "network", "alertname", "InterfaceDown", "severity", "warning"));
    assertThat(alert.id()).isEqualTo(AlertFingerprint.of("InterfaceDown", alert.labels()));
  }

  @Test
  void conditions_see_the_tags_over_the_device_labels() {
    devices.add("sw2", Map.of("role", "core", "device", "inventory-must-not-win"), Duration.ofSeconds(60), null);
    List<Map<String, String>> seen = new java.util.ArrayList<>();
    Rule rule = TestRules.rule("Spy", "interface")
        .when(TestRules.when("spy", e -> seen.add(Map.copyOf(e.labels())))).build();
    Recorder r = evaluator(rule);

    Alert alert = r.accept(iface("sw2", "4", 1, 0)).get(0).alert();

    assertThat(seen).singleElement().isEqualTo(Map.of("tenant", "t1", "site", "s1", "device", "sw2",
        "if_index", "4", "if_name", "Gi1/0/4", "role", "core"));
    assertThat(alert.labels()).containsEntry("device", "sw2").containsEntry("role", "core");
  }

  @Test
  void matchers_see_the_device_labels_from_the_inventory() {
    Rule coreOnly = TestRules.rule("CoreInterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2))
        .matching(Matcher.equal("role", "core")).build();
    devices.add("core1", Map.of("role", "core"), Duration.ofSeconds(60), null);
    Recorder r = evaluator(coreOnly);

    r.accept(iface("sw1", "1", 2, 0), iface("core1", "1", 2, 0), iface("unknown-device", "1", 2, 0));

    assertThat(r.changes).extracting(c -> c.alert().device()).containsExactly("core1");
  }

  @Test
  void a_pending_alert_that_clears_never_notifies_and_the_store_learns_it_is_gone() {
    Recorder r = evaluator(INTERFACE_DOWN);

    r.accept(iface("sw1", "1", 2, 0), iface("sw1", "1", 2, 30), iface("sw1", "1", 1, 45));
    r.tick(instant(300));

    assertThat(r.pages()).isZero();
    assertThat(r.allClears()).isZero();
    assertThat(r.changes).extracting(c -> c.alert().state(), AlertChange::previousState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertState.PENDING, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(AlertState.RESOLVED, Optional.of(AlertState.PENDING)));
    assertThat(r.evaluator.active()).isEmpty();
  }

  @Test
  void a_tick_fires_a_pending_alert_on_time_but_not_on_stale_evidence() {
    Recorder fresh = evaluator(INTERFACE_DOWN);
    fresh.accept(iface("sw1", "1", 2, 0), iface("sw1", "1", 2, 30));
    assertThat(fresh.tick(instant(59))).isEmpty();
    assertThat(fresh.tick(instant(61))).extracting(c -> c.alert().state()).containsExactly(AlertState.FIRING);

    Recorder silent = evaluator(INTERFACE_DOWN);
    silent.accept(iface("sw1", "1", 2, 0)); // then the device stops reporting (interval 30 s)
    assertThat(silent.tick(instant(61))).isEmpty();
    assertThat(silent.evaluator.active()).extracting(Alert::state).containsExactly(AlertState.PENDING);
  }

  static Stream<Arguments> keepFiringFor() {
    return Stream.of(
        // keep_firing_for, seconds at which the condition is false again, when it resolves (null: not yet at 600)
        Arguments.of(Duration.ZERO, List.of(120L), 120L),
        Arguments.of(Duration.ofMinutes(2), List.of(120L), 240L),
        // It came back within keep_firing_for: one alert all along, the timer starts again later.
        Arguments.of(Duration.ofMinutes(2), List.of(120L, 300L), 420L));
  }

  @ParameterizedTest
  @MethodSource
  void keepFiringFor(Duration keepFiringFor, List<Long> clearedAt, Long resolvedAt) {
    Rule rule = TestRules.rule("InterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2))
        .keepFiringFor(keepFiringFor).build();
    Recorder r = evaluator(rule);
    for (long second = 0; second <= 600; second += 30) {
      boolean down = second < clearedAt.get(0) || (clearedAt.size() > 1 && second >= 180 && second < clearedAt.get(1));
      r.accept(iface("sw1", "1", down ? 2 : 1, second));
      r.tick(instant(second + 1));
    }

    assertThat(r.pages()).isEqualTo(1);
    assertThat(r.changes).filteredOn(c -> c.alert().state() == AlertState.RESOLVED)
        .singleElement()
        .satisfies(c -> assertThat(c.at()).isEqualTo(instant(resolvedAt)));
  }

  static Stream<Arguments> hysteresis() {
    List<Double> hovering = List.of(95.0, 89.0, 91.0, 85.0, 92.0, 88.0, 93.0, 79.0, 85.0);
    return Stream.of(
        Arguments.of("without clear condition the alert flaps", false, hovering, 4, 4),
        Arguments.of("with clear below 80 it fires once and resolves once", true, hovering, 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void hysteresis(String description, boolean withClear, List<Double> loads, int pages, int allClears) {
    TestRules.Builder builder = TestRules.rule("CpuHigh", "cpu").when(TestRules.above("load_pct", 90));
    if (withClear) {
      builder.clearWhen(TestRules.below("load_pct", 80));
    }
    Recorder r = evaluator(builder.build());
    for (int i = 0; i < loads.size(); i++) {
      r.accept(cpu("sw1", loads.get(i), i * 30L));
    }

    assertThat(r.pages()).isEqualTo(pages);
    assertThat(r.allClears()).isEqualTo(allClears);
  }

  @Test
  void a_condition_that_cannot_be_evaluated_is_counted_and_changes_nothing() {
    Rule rule = TestRules.rule("InterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2)).build();
    Recorder r = evaluator(rule);
    r.accept(iface("sw1", "1", 2, 0));
    org.leitwarte.collect.Sample broken = new org.leitwarte.collect.Sample("interface",
        iface("sw1", "1", 2, 0).tags(), Map.of("admin_status", 1L), at(30));

    assertThat(r.accept(broken)).isEmpty();
    assertThat(r.accept(broken)).isEmpty();

    assertThat(r.evaluator.active()).extracting(Alert::state).containsExactly(AlertState.FIRING);
    assertThat(r.evaluator.stats().errorsByRule()).containsEntry("InterfaceDown", 2L);
    assertThat(r.evaluator.stats().samples()).isEqualTo(3);
  }

  @Test
  void a_condition_that_throws_counts_as_an_error_and_the_evaluator_goes_on() {
    Rule throwing = TestRules.rule("Broken", "interface")
        .when(TestRules.verdict("1/0", e -> { throw new ArithmeticException("/ by zero"); })).build();
    Recorder r = evaluator(throwing, INTERFACE_DOWN);

    r.accept(iface("sw1", "1", 2, 0));

    assertThat(r.evaluator.stats().errorsByRule()).containsEntry("Broken", 1L).containsEntry("InterfaceDown", 0L);
    assertThat(r.changes).extracting(c -> c.alert().rule()).containsExactly("InterfaceDown");
  }

  @Test
  void value_and_annotations_are_rendered_in_german_and_english_when_the_state_changes() {
    Rule rule = TestRules.rule("CpuHigh", "cpu").when(TestRules.above("load_pct", 90)).value("load_pct")
        .forDuration(Duration.ofSeconds(30)).build();
    Recorder r = evaluator(rule);

    Alert pending = r.accept(cpu("sw1", 95.5, 0)).get(0).alert();
    Alert firing = r.accept(cpu("sw1", 97.0, 30)).get(0).alert();
    Alert resolved = r.accept(cpu("sw1", 12.0, 60)).get(0).alert();

    assertThat(pending.value()).contains(95.5);
    assertThat(pending.annotations()).containsEntry("de", Map.of("summary", "Gerät sw1 95.5"))
        .containsEntry("en", Map.of("summary", "Device sw1 95.5"));
    assertThat(firing.annotations().get("en")).containsEntry("summary", "Device sw1 97.0");
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.value()).contains(12.0);
  }

  @Test
  void samples_of_other_measurements_and_out_of_order_samples_change_nothing() {
    Recorder r = evaluator(INTERFACE_DOWN);
    r.accept(iface("sw1", "1", 1, 60));

    assertThat(r.accept(cpu("sw1", 99, 61), iface("sw1", "1", 2, 30))).isEmpty();
    assertThat(r.evaluator.active()).isEmpty();
  }
}
