package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.icmp;
import static org.leitwarte.alerting.TestSamples.iface;
import static org.leitwarte.alerting.TestSamples.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  private static final Rule DEVICE_DOWN = TestRules.rule("DeviceDown", "icmp")
      .when(TestRules.fieldIs("received", 0)).forDuration(Duration.ofSeconds(60)).build();

  /** Maintenance windows by device, switched by the test. */
  private static final class Windows implements Suppressor {
    final Map<String, String> byDevice = new HashMap<>();

    @Override
    public Optional<String> suppressedBy(Map<String, String> labels, Instant now) {
      return Optional.ofNullable(byDevice.get(labels.get("device")));
    }
  }

  @Test
  void a_change_of_suppression_alone_is_a_change_and_is_noticed_by_tick() {
    Windows windows = new Windows();
    Rule rule = TestRules.rule("InterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2)).build();
    Recorder r = new Recorder(new AlertEvaluator(new RuleSet(List.of(rule)), new TestDevices().add("sw1"), windows));
    windows.byDevice.put("sw1", "maintenance:12");
    assertThat(r.accept(iface("sw1", "1", 2, 0))).singleElement()
        .satisfies(c -> assertThat(c.alert().suppressedBy()).contains("maintenance:12"))
        .satisfies(c -> assertThat(c.startsNotifying()).isFalse());

    windows.byDevice.clear(); // the window ends
    assertThat(r.tick(instant(10))).singleElement().satisfies(c -> {
      assertThat(c.alert().state()).isEqualTo(AlertState.FIRING);
      assertThat(c.previousSuppressedBy()).contains("maintenance:12");
      assertThat(c.startsNotifying()).isTrue();
    });
    assertThat(r.tick(instant(20))).isEmpty();

    windows.byDevice.put("sw1", "silence:7");
    assertThat(r.accept(iface("sw1", "1", 2, 30))).singleElement()
        .satisfies(c -> assertThat(c.stopsNotifying()).isTrue());
    assertThat(r.accept(iface("sw1", "1", 1, 60))).singleElement().satisfies(c -> {
      assertThat(c.alert().state()).isEqualTo(AlertState.RESOLVED);
      assertThat(c.stopsNotifying()).isFalse(); // it was silenced: no all-clear either
    });
  }

  private static final List<String> CHILDREN = IntStream.rangeClosed(1, 20).mapToObj(i -> "pc" + i).toList();

  private static Recorder siteBehindRouter() {
    TestDevices devices = new TestDevices().add("core", Map.of(), Duration.ofSeconds(60), null)
        .add("router", Map.of(), Duration.ofSeconds(60), "core");
    CHILDREN.forEach(child -> devices.add(child, Map.of(), Duration.ofSeconds(60), "router"));
    AlertEvaluator[] holder = new AlertEvaluator[1];
    // The suppressor needs the evaluator's reachability, which exists once the evaluator does.
    Suppressor dependencies = (labels, now) ->
        new DependencySuppressor(devices, holder[0].reachability()).suppressedBy(labels, now);
    holder[0] = new AlertEvaluator(new RuleSet(List.of(DEVICE_DOWN)), devices, dependencies);
    return new Recorder(holder[0]);
  }

  /**
   * One polling interval in time order: the router at +0 s, its children every 2 s from +2 s, a tick
   * every 5 s in between.
   */
  private static void interval(Recorder r, long start, boolean routerUp, boolean childrenUp) {
    r.accept(icmp("core", 3, start), icmp("router", routerUp ? 3 : 0, start));
    for (long second = start + 1; second < start + 60; second++) {
      long child = (second - start - 2) / 2;
      if ((second - start) % 2 == 0 && child < CHILDREN.size()) {
        r.accept(icmp(CHILDREN.get((int) child), childrenUp ? 3 : 0, second));
      }
      if (second % 5 == 0) {
        r.tick(instant(second).plusMillis(500));
      }
    }
  }

  @Test
  void a_router_down_with_twenty_devices_behind_it_pages_once_for_the_router() {
    Recorder r = siteBehindRouter();
    interval(r, 0, true, true);
    for (long start = 60; start < 300; start += 60) {
      interval(r, start, false, false);
    }

    assertThat(r.changes).filteredOn(AlertChange::startsNotifying).singleElement()
        .satisfies(c -> assertThat(c.alert().device()).isEqualTo("router"));
    assertThat(r.evaluator.active()).filteredOn(a -> a.state() == AlertState.FIRING).hasSize(21)
        .filteredOn(a -> !a.device().equals("router"))
        .allSatisfy(a -> assertThat(a.suppressedBy()).contains("parent:router"));
  }

  @Test
  void when_the_router_comes_back_its_children_are_judged_on_their_own_samples_and_resolve_quietly() {
    Recorder r = siteBehindRouter();
    interval(r, 0, true, true);
    for (long start = 60; start < 300; start += 60) {
      interval(r, start, false, false);
    }
    r.changes.clear();

    interval(r, 300, true, true);
    interval(r, 360, true, true);

    assertThat(r.pages()).isZero();
    assertThat(r.allClears()).isEqualTo(1); // the router's
    assertThat(r.changes).filteredOn(c -> c.alert().state() == AlertState.RESOLVED).hasSize(21);
    assertThat(r.evaluator.active()).isEmpty();
  }

  @Test
  void a_child_that_is_still_down_after_the_router_is_back_pages_on_its_own_next_sample() {
    Recorder r = siteBehindRouter();
    interval(r, 0, true, true);
    for (long start = 60; start < 300; start += 60) {
      interval(r, start, false, false);
    }
    r.changes.clear();

    r.accept(icmp("router", 3, 300));
    r.tick(instant(301)); // the suppressor says "free" now, but pc1 has not been judged again
    assertThat(r.pages()).isZero();
    List<AlertChange> judged = r.accept(icmp("pc1", 0, 302));

    assertThat(judged).singleElement().satisfies(c -> {
      assertThat(c.alert().device()).isEqualTo("pc1");
      assertThat(c.startsNotifying()).isTrue();
    });
  }

  @Test
  void a_devices_own_down_alert_is_never_suppressed_by_its_own_state() {
    Recorder r = siteBehindRouter();
    r.accept(icmp("router", 0, 0), icmp("router", 0, 60));

    assertThat(r.changes).filteredOn(AlertChange::startsNotifying).singleElement()
        .satisfies(c -> assertThat(c.alert().suppressedBy()).isEmpty());
  }

  @Test
  void children_that_fall_silent_behind_a_dead_router_get_suppressed_no_data_alerts_and_end_quietly() {
    TestDevices devices = new TestDevices().add("router", Map.of(), Duration.ofSeconds(60), null);
    CHILDREN.forEach(child -> devices.add(child, Map.of(), Duration.ofSeconds(60), "router"));
    Rule snmpDown = TestRules.rule("SnmpUnreachable", "snmp").when(TestRules.fieldIs("reachable", 0)).noData(2).build();
    AlertEvaluator[] holder = new AlertEvaluator[1];
    Suppressor dependencies = (labels, now) ->
        new DependencySuppressor(devices, holder[0].reachability()).suppressedBy(labels, now);
    holder[0] = new AlertEvaluator(new RuleSet(List.of(DEVICE_DOWN, snmpDown)), devices, dependencies);
    Recorder r = new Recorder(holder[0]);
    // Interval 0: all fine. Then the router stops answering and its children's SNMP polls yield nothing.
    r.accept(icmp("router", 3, 0));
    CHILDREN.forEach(child -> r.accept(TestSamples.snmp(child, 1, 1)));
    for (long second = 60; second <= 300; second += 10) {
      if (second % 60 == 0) {
        r.accept(icmp("router", 0, second));
      }
      r.tick(instant(second + 5));
    }

    assertThat(r.changes).filteredOn(AlertChange::startsNotifying).singleElement()
        .satisfies(c -> assertThat(c.alert().device()).isEqualTo("router"));
    assertThat(r.evaluator.active()).filteredOn(a -> a.labels().containsKey("nodata")).hasSize(20)
        .allSatisfy(a -> assertThat(a.suppressedBy()).contains("parent:router"));

    r.changes.clear();
    r.accept(icmp("router", 3, 360));
    for (long second = 361; second < 420; second++) { // one child reports per second, ticks in between
      int child = (int) (second - 361);
      if (child < CHILDREN.size()) {
        r.accept(TestSamples.snmp(CHILDREN.get(child), 1, second));
      }
      r.tick(instant(second).plusMillis(500));
    }

    assertThat(r.pages()).isZero();
    assertThat(r.changes).filteredOn(c -> c.alert().state() == AlertState.RESOLVED).hasSize(21);
    assertThat(r.evaluator.active()).isEmpty();
  }
}
