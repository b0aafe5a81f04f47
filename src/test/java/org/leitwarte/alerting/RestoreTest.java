package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.iface;
import static org.leitwarte.alerting.TestSamples.instant;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreTest {

  private static final Rule INTERFACE_DOWN = TestRules.rule("InterfaceDown", "interface")
      .when(TestRules.fieldIs("oper_status", 2)).forDuration(Duration.ofMinutes(2)).noData(3).build();

  private final TestDevices devices = new TestDevices().add("sw1");

  private Recorder fresh(Rule... rules) {
    return new Recorder(new AlertEvaluator(new RuleSet(List.of(rules)), devices, Suppressor.NONE));
  }

  /** Runs a first evaluator until {@code seconds}, and hands its active alerts to a second one. */
  private Recorder restartedAfter(long downSince, long seconds) {
    Recorder before = fresh(INTERFACE_DOWN);
    for (long second = 0; second <= seconds; second += 60) {
      before.accept(iface("sw1", "1", second >= downSince ? 2 : 1, second));
    }
    Collection<Alert> stored = before.evaluator.active();
    Recorder after = fresh(INTERFACE_DOWN);
    after.evaluator.restore(stored);
    return after;
  }

  @Test
  void a_firing_alert_continues_after_a_restart_without_paging_again_and_resolves_later() {
    Recorder before = fresh(INTERFACE_DOWN);
    before.accept(iface("sw1", "1", 2, 0), iface("sw1", "1", 2, 60), iface("sw1", "1", 2, 120));
    Alert firing = before.evaluator.active().iterator().next();
    assertThat(firing.state()).isEqualTo(AlertState.FIRING);

    Recorder after = fresh(INTERFACE_DOWN);
    after.evaluator.restore(before.evaluator.active());
    assertThat(after.evaluator.active()).containsExactly(firing);
    after.tick(instant(200));
    after.accept(iface("sw1", "1", 2, 240), iface("sw1", "1", 2, 300));
    after.tick(instant(301));
    assertThat(after.changes).isEmpty();

    List<AlertChange> resolved = after.accept(iface("sw1", "1", 1, 360));
    assertThat(resolved).singleElement().satisfies(c -> {
      assertThat(c.alert().id()).isEqualTo(firing.id());
      assertThat(c.alert().activeSince()).isEqualTo(instant(0));
      assertThat(c.stopsNotifying()).isTrue();
    });
  }

  @Test
  void a_pending_alert_keeps_counting_from_when_it_began() {
    Recorder after = restartedAfter(0, 60);

    List<AlertChange> fired = after.accept(iface("sw1", "1", 2, 120));

    assertThat(fired).singleElement().satisfies(c -> {
      assertThat(c.previousState()).contains(AlertState.PENDING);
      assertThat(c.alert().state()).isEqualTo(AlertState.FIRING);
      assertThat(c.alert().activeSince()).isEqualTo(instant(0));
    });
  }

  @Test
  void a_restored_alert_whose_series_stays_silent_is_not_forgotten() {
    Recorder after = restartedAfter(0, 180);

    after.tick(instant(200)); // the restart: silence is counted from here
    assertThat(after.tick(instant(379))).isEmpty();
    List<AlertChange> noData = after.tick(instant(380));

    assertThat(noData).singleElement().satisfies(c -> {
      assertThat(c.alert().labels()).containsEntry("nodata", "true");
      assertThat(c.startsNotifying()).isTrue();
    });
    assertThat(after.evaluator.active()).extracting(Alert::state).containsOnly(AlertState.FIRING).hasSize(2);

    // When the series does come back, healthy: both end.
    List<AlertChange> back = after.accept(iface("sw1", "1", 1, 400));
    assertThat(back).extracting(c -> c.alert().state()).containsOnly(AlertState.RESOLVED).hasSize(2);
    assertThat(after.evaluator.active()).isEmpty();
  }

  @Test
  void restored_alerts_of_rules_that_are_gone_resolve_at_the_next_tick() {
    Recorder before = fresh(INTERFACE_DOWN);
    before.accept(iface("sw1", "1", 2, 0), iface("sw1", "1", 2, 120));
    Recorder after = fresh(TestRules.rule("CpuHigh", "cpu").build());

    after.evaluator.restore(before.evaluator.active());
    List<AlertChange> changes = after.tick(instant(200));

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.alert().rule()).isEqualTo("InterfaceDown");
      assertThat(c.stopsNotifying()).isTrue();
    });
    assertThat(after.evaluator.active()).isEmpty();
  }
}
