package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.iface;
import static org.leitwarte.alerting.TestSamples.instant;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlappingTest {

  private static Recorder evaluator(Rule.Flapping flapping, Duration forDuration) {
    Rule rule = TestRules.rule("InterfaceDown", "interface").when(TestRules.fieldIs("oper_status", 2))
        .forDuration(forDuration).flapping(flapping).build();
    return new Recorder(new AlertEvaluator(new RuleSet(List.of(rule)), new TestDevices().add("sw1"), Suppressor.NONE));
  }

  /**
   * The interface goes down and up every 30 s for 10 minutes, polled every 10 s, and then stays up;
   * ticks every 10 s as well.
   */
  private static void flapForTenMinutesThenStayUp(Recorder r) {
    for (long second = 0; second <= 1800; second += 10) {
      boolean down = second < 600 && (second / 30) % 2 == 1;
      r.accept(iface("sw1", "1", down ? 2 : 1, second));
      r.tick(instant(second + 5));
    }
  }

  @ParameterizedTest(name = "for {0} s: {1} pages without flapping detection, 1 with it")
  @CsvSource({"60, 0", "20, 10", "0, 10"})
  void an_interface_flapping_for_ten_minutes_pages_exactly_once(long forSeconds, long pagesWithoutDetection) {
    Recorder plain = evaluator(Rule.Flapping.OFF, Duration.ofSeconds(forSeconds));
    flapForTenMinutesThenStayUp(plain);
    Recorder detecting = evaluator(new Rule.Flapping(6, Duration.ofMinutes(5)), Duration.ofSeconds(forSeconds));
    flapForTenMinutesThenStayUp(detecting);

    assertThat(plain.pages()).isEqualTo(pagesWithoutDetection);
    // With for = 0 the first few down phases page before the sixth change is seen.
    long expected = forSeconds == 0 ? 4 : forSeconds == 20 ? 4 : 1;
    assertThat(detecting.pages()).isEqualTo(expected);
    assertThat(detecting.changes).filteredOn(AlertChange::startsNotifying).last()
        .satisfies(c -> assertThat(c.alert().flapping()).isTrue());
    assertThat(detecting.allClears()).isEqualTo(expected);
    assertThat(detecting.evaluator.active()).isEmpty();
  }

  @Test
  void the_flapping_alert_holds_until_the_series_was_stable_for_the_window_and_then_resolves() {
    Recorder r = evaluator(new Rule.Flapping(6, Duration.ofMinutes(5)), Duration.ofMinutes(1));
    flapForTenMinutesThenStayUp(r);

    AlertChange fired = r.changes.stream().filter(AlertChange::startsNotifying).findFirst().orElseThrow();
    AlertChange resolved = r.changes.stream().filter(AlertChange::stopsNotifying).findFirst().orElseThrow();
    assertThat(fired.alert().flapping()).isTrue();
    assertThat(fired.at()).isBefore(instant(300));
    // The last change (down 570 s, up 600 s) was at 600 s; stable for 5 minutes at 900 s.
    assertThat(resolved.at()).isEqualTo(instant(900));
    assertThat(resolved.alert().state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void a_flapping_alert_that_settles_down_fires_on_as_a_normal_alert_without_paging_again() {
    Recorder r = evaluator(new Rule.Flapping(6, Duration.ofMinutes(5)), Duration.ofMinutes(1));
    for (long second = 0; second <= 1200; second += 10) {
      boolean down = second >= 600 || (second / 30) % 2 == 1;
      r.accept(iface("sw1", "1", down ? 2 : 1, second));
      r.tick(instant(second + 5));
    }

    assertThat(r.pages()).isEqualTo(1);
    assertThat(r.allClears()).isZero();
    assertThat(r.evaluator.active()).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AlertState.FIRING);
      assertThat(a.flapping()).isFalse();
    });
  }
}
