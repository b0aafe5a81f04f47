package org.leitwarte.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.inventory.Device;

class PollPlanTest {

  private static final long T0 = 1_790_000_000_000L;

  static Device device(String id, Duration interval) {
    return new Device(id, "t", "-", "127.0.0.1", Optional.empty(), true, interval, Optional.empty(), Map.of(), List.of(), "test:1");
  }

  @ParameterizedTest
  @CsvSource({
    // now, interval, offset, expected first slot
    "1000, 100, 0, 1000",
    "1001, 100, 0, 1100",
    "1001, 100, 30, 1030",
    "1031, 100, 30, 1130",
    "5, 100, 30, 30",
  })
  void first_slot_is_the_next_aligned_slot(long now, long interval, long offset, long expected) {
    assertThat(PollPlan.firstSlotAtOrAfter(now, interval, offset)).isEqualTo(expected);
  }

  @Test
  void a_thousand_devices_are_spread_over_the_interval() {
    long interval = 60_000;
    int[] perSecond = new int[60];
    for (int i = 0; i < 1000; i++) {
      perSecond[(int) (PollPlan.offsetMillis("device-" + i, interval) / 1000)]++;
    }
    // About 17 per second; no second gets a crowd and none is left empty.
    assertThat(java.util.Arrays.stream(perSecond).boxed()).allSatisfy(n -> assertThat(n).isBetween(3, 40));
  }

  @Test
  void a_device_keeps_its_phase_after_a_restart() {
    Device d = device("wr-router", Duration.ofSeconds(30));
    PollPlan before = new PollPlan(10);
    before.put(d, T0);
    PollPlan after = new PollPlan(10);
    after.put(d, T0 + 47_123);
    long slotBefore = before.nextDueMillis();
    long slotAfter = after.nextDueMillis();
    assertThat((slotAfter - slotBefore) % 30_000).isZero();
  }

  @Test
  void every_device_is_polled_once_per_interval() {
    PollPlan plan = new PollPlan(1000);
    for (int i = 0; i < 200; i++) {
      plan.put(device("d" + i, Duration.ofSeconds(10)), T0);
    }
    Map<String, List<Long>> slots = new HashMap<>();
    for (long now = T0; now < T0 + 60_000; now++) {
      for (PollPlan.Dispatch dispatch : plan.due(now)) {
        slots.computeIfAbsent(dispatch.device().id(), k -> new ArrayList<>()).add(dispatch.slotMillis());
        plan.completed(dispatch.device().id());
      }
    }
    assertThat(slots).hasSize(200);
    assertThat(slots.values()).allSatisfy(list -> {
      assertThat(list).hasSize(6);
      for (int i = 1; i < list.size(); i++) {
        assertThat(list.get(i) - list.get(i - 1)).isEqualTo(10_000);
      }
    });
  }

  @Test
  void a_device_is_never_polled_twice_at_once_and_the_busy_slot_is_counted() {
    PollPlan plan = new PollPlan(10);
    Device slow = device("slow", Duration.ofSeconds(1));
    plan.put(slow, T0);
    List<PollPlan.Dispatch> first = plan.due(plan.nextDueMillis());
    assertThat(first).hasSize(1);
    // Its poll is still running when the next slot comes.
    assertThat(plan.due(first.get(0).slotMillis() + 1_000)).isEmpty();
    assertThat(plan.skippedBusy()).isEqualTo(1);
    plan.completed("slow");
    assertThat(plan.due(first.get(0).slotMillis() + 2_000)).hasSize(1);
  }

  @Test
  void concurrency_is_bounded_and_waiting_polls_start_when_a_place_frees() {
    PollPlan plan = new PollPlan(3);
    for (int i = 0; i < 5; i++) {
      plan.put(device("d" + i, Duration.ofSeconds(60)), T0);
    }
    long late = T0 + 60_000;
    List<PollPlan.Dispatch> started = plan.due(late);
    assertThat(started).hasSize(3);
    assertThat(plan.waiting()).isEqualTo(2);
    plan.completed(started.get(0).device().id());
    assertThat(plan.due(late)).hasSize(1);
    assertThat(plan.running()).isEqualTo(3);
  }

  @Test
  void a_dead_device_holding_its_place_does_not_delay_the_others() {
    PollPlan plan = new PollPlan(2);
    plan.put(device("dead", Duration.ofSeconds(5)), T0);
    for (int i = 0; i < 20; i++) {
      plan.put(device("ok" + i, Duration.ofSeconds(5)), T0);
    }
    Set<String> polled = new HashSet<>();
    // The dead device never completes; the others complete at once.
    for (long now = T0; now < T0 + 5_000; now += 10) {
      for (PollPlan.Dispatch dispatch : plan.due(now)) {
        polled.add(dispatch.device().id());
        if (!dispatch.device().id().equals("dead")) {
          plan.completed(dispatch.device().id());
        }
      }
    }
    assertThat(polled).hasSize(21);
  }

  @Test
  void a_poll_that_waited_a_whole_interval_is_dropped_instead_of_piling_up() {
    PollPlan plan = new PollPlan(1);
    plan.put(device("a", Duration.ofSeconds(1)), T0);
    plan.put(device("b", Duration.ofSeconds(1)), T0);
    long end = T0 + 10_000;
    List<PollPlan.Dispatch> running = new ArrayList<>(plan.due(T0 + 1_000));
    assertThat(running).hasSize(1);
    // The first poll hangs for 10 s: the other device's slots must not pile up.
    plan.due(end - 1);
    assertThat(plan.waiting()).isLessThanOrEqualTo(1);
    plan.completed(running.get(0).device().id());
    assertThat(plan.due(end)).hasSizeLessThanOrEqualTo(2);
    assertThat(plan.droppedLate()).isGreaterThan(0);
  }

  @Test
  void a_removed_device_is_no_longer_polled() {
    PollPlan plan = new PollPlan(10);
    plan.put(device("gone", Duration.ofSeconds(1)), T0);
    plan.remove("gone");
    assertThat(plan.due(T0 + 5_000)).isEmpty();
    assertThat(plan.nextDueMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void a_slot_missed_during_a_restart_is_polled_at_once_under_its_own_time() {
    Device d = device("wr-router", Duration.ofSeconds(30));
    long missedSlot = PollPlan.firstSlotAtOrAfter(T0, 30_000, PollPlan.offsetMillis("wr-router", 30_000));
    long stoppedAt = missedSlot - 2_000;
    long startedAt = missedSlot + 3_000;
    PollPlan plan = new PollPlan(10);
    plan.put(d, startedAt, stoppedAt);
    List<PollPlan.Dispatch> due = plan.due(startedAt);
    assertThat(due).extracting(PollPlan.Dispatch::slotMillis).containsExactly(missedSlot);
    plan.completed("wr-router");
    assertThat(plan.nextDueMillis()).isEqualTo(missedSlot + 30_000);
  }

  @Test
  void a_slot_polled_before_the_restart_is_not_polled_again() {
    Device d = device("wr-router", Duration.ofSeconds(30));
    long slot = PollPlan.firstSlotAtOrAfter(T0, 30_000, PollPlan.offsetMillis("wr-router", 30_000));
    PollPlan plan = new PollPlan(10);
    plan.put(d, slot + 3_000, slot + 1_000);
    assertThat(plan.due(slot + 3_000)).isEmpty();
    assertThat(plan.nextDueMillis()).isEqualTo(slot + 30_000);
  }
}
