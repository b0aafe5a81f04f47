package org.leitwarte.incident.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.engine.EscalationPlan.Step;

class EscalationPlanTest {

  private static final Instant CREATED = Instant.parse("2026-01-10T01:00:00Z");

  /**
   * Each row: level delays in minutes, repeat, repeat_interval in minutes, group_wait in seconds, and the
   * first steps as kind:level:round@minutes (or seconds with s) after the incident was made.
   */
  @ParameterizedTest(name = "{0} repeat {1}: {4}")
  @CsvSource(delimiter = ';', value = {
      // Two levels, no repeat: level 1 after group_wait, level 2 five minutes later, then the last level every 4 h.
      "0,5; 0; 240; 30; TRIGGERED:1:1@30s ESCALATED:2:1@330s REPEATED:2:2@14730s REPEATED:2:3@29130s",
      // Three levels, once repeated: the new round waits the last level's delay.
      "0,5,10; 1; 60; 0; TRIGGERED:1:1@0s ESCALATED:2:1@300s ESCALATED:3:1@900s ESCALATED:1:2@1500s ESCALATED:2:2@1800s ESCALATED:3:2@2400s REPEATED:3:3@6000s",
      // One level, repeated twice: the new rounds wait the repeat_interval.
      "0; 2; 30; 10; TRIGGERED:1:1@10s ESCALATED:1:2@1810s ESCALATED:1:3@3610s REPEATED:1:4@5410s",
      // No repeat_interval: nothing after the last round.
      "0,5; 0; 0; 0; TRIGGERED:1:1@0s ESCALATED:2:1@300s",
  })
  void steps_follow_the_policy(String delays, int repeat, long repeatMinutes, long groupWaitSeconds, String expected) {
    EscalationPlan plan = new EscalationPlan(
        Arrays.stream(delays.split(",")).map(m -> Duration.ofMinutes(Long.parseLong(m))).toList(), repeat,
        Duration.ofMinutes(repeatMinutes));
    List<String> steps = new ArrayList<>();
    Optional<Step> step = Optional.of(plan.first(CREATED, Duration.ofSeconds(groupWaitSeconds)));
    int wanted = expected.split(" ").length;
    while (step.isPresent() && steps.size() < wanted + 1) {
      Step now = step.get();
      steps.add(plan.kind(now) + ":" + plan.level(now) + ":" + now.round() + "@"
          + Duration.between(CREATED, now.due()).toSeconds() + "s");
      step = plan.next(now, now.due());
    }
    assertThat(String.join(" ", steps.subList(0, Math.min(steps.size(), wanted)))).isEqualTo(expected);
    if (repeatMinutes == 0) {
      assertThat(steps).hasSize(wanted);
    }
  }

  @Test
  void a_step_that_ran_late_counts_the_next_delay_from_when_it_ran() {
    EscalationPlan plan = new EscalationPlan(List.of(Duration.ZERO, Duration.ofMinutes(5)), 0, Duration.ofHours(4));
    Step first = plan.first(CREATED, Duration.ofSeconds(30));
    Instant ranAt = CREATED.plus(Duration.ofHours(1));
    assertThat(plan.next(first, ranAt)).contains(new Step(2, 1, ranAt.plus(Duration.ofMinutes(5))));
  }

  @Test
  void a_level_the_policy_no_longer_has_notifies_its_last_level() {
    EscalationPlan plan = new EscalationPlan(List.of(Duration.ZERO), 0, Duration.ofHours(1));
    Step stale = new Step(3, 1, CREATED);
    assertThat(plan.level(stale)).isEqualTo(1);
    assertThat(plan.kind(stale)).isEqualTo(Notification.Kind.ESCALATED);
    assertThat(plan.next(stale, CREATED)).contains(new Step(1, 2, CREATED.plus(Duration.ofHours(1))));
  }

  @Test
  void a_new_round_never_comes_sooner_than_a_minute() {
    EscalationPlan plan = new EscalationPlan(List.of(Duration.ZERO), 1, Duration.ZERO);
    assertThat(plan.next(plan.first(CREATED, Duration.ZERO), CREATED)).contains(new Step(1, 2, CREATED.plusSeconds(60)));
  }

  @Test
  void after_a_level_with_nobody_to_notify_the_next_level_follows_at_once_but_a_new_round_still_waits() {
    EscalationPlan plan = new EscalationPlan(List.of(Duration.ZERO, Duration.ofMinutes(5)), 1, Duration.ofHours(4));
    Step first = plan.first(CREATED, Duration.ZERO);
    assertThat(plan.nextAfterNobody(first, CREATED)).contains(new Step(2, 1, CREATED));
    assertThat(plan.nextAfterNobody(new Step(2, 1, CREATED), CREATED)).contains(new Step(1, 2, CREATED.plus(Duration.ofMinutes(5))));
  }
}
