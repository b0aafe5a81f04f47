package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.iface;
import static org.leitwarte.alerting.TestSamples.icmp;
import static org.leitwarte.alerting.TestSamples.instant;
import static org.leitwarte.alerting.TestSamples.snmp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoDataTest {

  private static final Rule INTERFACE_DOWN = TestRules.rule("InterfaceDown", "interface")
      .when(TestRules.fieldIs("oper_status", 2)).noData(3).build();

  private final TestDevices devices = new TestDevices()
      .add("sw1", Map.of(), Duration.ofSeconds(30), null);

  private final Recorder r = new Recorder(
      new AlertEvaluator(new RuleSet(List.of(INTERFACE_DOWN)), devices, Suppressor.NONE));

  @ParameterizedTest(name = "device interval {0} s: silent until {1} s is fine, at {2} s it is no data")
  @CsvSource({
      "30, 89, 90",   // 3 × 30 s
      "0, 179, 180"   // unknown interval: 3 × 60 s
  })
  void a_silent_series_fires_a_no_data_alert_after_n_of_its_intervals(long interval, long quiet, long due) {
    String device = interval == 0 ? "not-in-inventory" : "sw1";
    r.accept(iface(device, "1", 1, 0));

    assertThat(r.tick(instant(quiet))).isEmpty();
    List<AlertChange> changes = r.tick(instant(due));

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.startsNotifying()).isTrue();
      assertThat(c.alert().rule()).isEqualTo("InterfaceDown");
      assertThat(c.alert().labels()).containsEntry("nodata", "true").containsEntry("if_index", "1");
      assertThat(c.alert().activeSince()).isEqualTo(instant(0));
      assertThat(c.alert().annotations().get("en").get("nodata")).startsWith("No data for 3 polling intervals");
      assertThat(c.alert().annotations().get("de").get("nodata")).startsWith("Keine Daten seit 3");
    });
    assertThat(r.tick(instant(due + 30))).isEmpty();
  }

  @Test
  void the_no_data_alert_resolves_when_the_series_reports_again() {
    r.accept(iface("sw1", "1", 1, 0));
    Alert noData = r.tick(instant(90)).get(0).alert();

    List<AlertChange> back = r.accept(iface("sw1", "1", 1, 120));

    assertThat(back).singleElement().satisfies(c -> {
      assertThat(c.alert().id()).isEqualTo(noData.id());
      assertThat(c.alert().state()).isEqualTo(AlertState.RESOLVED);
      assertThat(c.stopsNotifying()).isTrue();
    });
    assertThat(r.evaluator.active()).isEmpty();
  }

  @Test
  void no_no_data_alert_while_the_device_is_known_to_be_down() {
    r.accept(icmp("sw1", 3, 0), iface("sw1", "1", 1, 0));
    r.accept(icmp("sw1", 0, 30), icmp("sw1", 0, 60), icmp("sw1", 0, 90), icmp("sw1", 0, 120));

    assertThat(r.tick(instant(125))).isEmpty();
    assertThat(r.evaluator.reachability().isDown("sw1")).isTrue();
  }

  @Test
  void no_no_data_alerts_for_snmp_series_while_the_snmp_agent_does_not_answer() {
    r.accept(icmp("sw1", 3, 0), snmp("sw1", 1, 0), iface("sw1", "1", 1, 0), iface("sw1", "2", 1, 0));
    for (long second = 30; second <= 150; second += 30) {
      r.accept(icmp("sw1", 3, second), snmp("sw1", 0, second)); // pings fine, SNMP agent silent
    }

    assertThat(r.tick(instant(155))).isEmpty();
  }

  @Test
  void an_active_no_data_alert_resolves_when_the_device_turns_out_to_be_down() {
    r.accept(iface("sw1", "1", 1, 0));
    assertThat(r.tick(instant(90))).hasSize(1);

    r.accept(icmp("sw1", 0, 100));
    List<AlertChange> changes = r.tick(instant(101));

    assertThat(changes).singleElement().satisfies(c -> assertThat(c.alert().state()).isEqualTo(AlertState.RESOLVED));
  }

  @Test
  void series_of_rules_without_no_data_may_go_silent() {
    Recorder quiet = new Recorder(new AlertEvaluator(new RuleSet(List.of(
        TestRules.rule("InterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2)).build())),
        devices, Suppressor.NONE));
    quiet.accept(iface("sw1", "1", 1, 0));

    assertThat(quiet.tick(instant(3600))).isEmpty();
  }

  @Test
  void a_firing_alert_keeps_its_state_while_its_series_is_silent() {
    r.accept(iface("sw1", "1", 2, 0));
    r.tick(instant(3600));

    assertThat(r.evaluator.active()).extracting(a -> a.labels().containsKey("nodata"), Alert::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(false, AlertState.FIRING),
            org.assertj.core.groups.Tuple.tuple(true, AlertState.FIRING));
  }

  @Test
  void after_a_long_healthy_stretch_with_frequent_ticks_silence_is_noticed_on_time() {
    for (long second = 0; second <= 600; second += 5) {
      if (second % 30 == 0) {
        r.accept(iface("sw1", "1", 1, second), iface("sw1", "2", 1, second));
      }
      assertThat(r.tick(instant(second))).isEmpty();
    }
    r.accept(iface("sw1", "2", 1, 630), iface("sw1", "2", 1, 660), iface("sw1", "2", 1, 690));

    assertThat(r.tick(instant(689))).isEmpty();
    assertThat(r.tick(instant(690))).singleElement()
        .satisfies(c -> assertThat(c.alert().labels()).containsEntry("if_index", "1").containsEntry("nodata", "true"));
  }

  @Test
  void series_still_silent_when_their_device_answers_again_get_their_no_data_alert() {
    r.accept(icmp("sw1", 3, 0), iface("sw1", "1", 1, 0));
    r.accept(icmp("sw1", 0, 30));
    for (long second = 35; second < 200; second += 5) {
      r.tick(instant(second));
    }
    assertThat(r.changes).isEmpty();

    r.accept(icmp("sw1", 3, 200)); // ping answers again, the interface series stays silent

    assertThat(r.tick(instant(201))).singleElement()
        .satisfies(c -> assertThat(c.alert().labels()).containsEntry("nodata", "true"));
  }
}
