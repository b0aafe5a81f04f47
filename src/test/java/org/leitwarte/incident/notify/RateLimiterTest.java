package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leitwarte.incident.notify.RateLimiter.Decision;
import org.leitwarte.testsupport.MutableClock;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T02:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), clock);

  @Test
  void beyond_the_limit_notifications_are_held_back_and_counted() {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      decisions.add(limiter.admit("mmueller", true));
      clock.advance(Duration.ofSeconds(10));
    }

    assertThat(decisions).containsExactly(
        new Decision.Send(0), new Decision.Send(0), new Decision.Send(0), new Decision.Suppress(1), new Decision.Suppress(2));
  }

  @Test
  void next_one_after_the_window_says_how_many_were_held_back() {
    for (int i = 0; i < 5; i++) {
      limiter.admit("mmueller", true);
    }
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(limiter.admit("mmueller", true)).isEqualTo(new Decision.Send(2));
    assertThat(limiter.admit("mmueller", true)).isEqualTo(new Decision.Send(0));
  }

  @Test
  void window_slides_one_notification_at_a_time() {
    limiter.admit("mmueller", true);
    clock.advance(Duration.ofMinutes(5));
    limiter.admit("mmueller", true);
    limiter.admit("mmueller", true);
    assertThat(limiter.admit("mmueller", true)).isInstanceOf(Decision.Suppress.class);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertThat(limiter.admit("mmueller", true)).isEqualTo(new Decision.Send(1));
    assertThat(limiter.admit("mmueller", true)).isInstanceOf(Decision.Suppress.class);
  }

  @Test
  void resolved_notifications_pass_without_using_the_budget() {
    assertThat(limiter.admit("mmueller", false)).isEqualTo(new Decision.Send(0));
    assertThat(limiter.admit("mmueller", false)).isEqualTo(new Decision.Send(0));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.admit("mmueller", true)).isEqualTo(new Decision.Send(0));
    }
  }

  @Test
  void when_the_budget_is_spent_resolved_notifications_are_held_back_too() {
    for (int i = 0; i < 3; i++) {
      limiter.admit("mmueller", true);
    }

    assertThat(limiter.admit("mmueller", false)).isEqualTo(new Decision.Suppress(1));
  }

  @Test
  void each_person_has_their_own_budget() {
    for (int i = 0; i < 4; i++) {
      limiter.admit("mmueller", true);
    }

    assertThat(limiter.admit("jsmith", true)).isEqualTo(new Decision.Send(0));
  }
}
