package org.leitwarte.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.alerting.maintenance.Schedule.OneOff;
import org.leitwarte.alerting.maintenance.Schedule.Recurring;

/**
 * When windows are in effect. Clock changes in Europe/Berlin in 2026: Sunday 29 March 01:00 UTC (02:00
 * CET becomes 03:00 CEST) and Sunday 25 October 01:00 UTC (03:00 CEST becomes 02:00 CET). Instants are
 * given in UTC so that the offsets are part of what is tested.
 */
class ScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Recurring TUESDAY_NIGHT = Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", BERLIN);
  private static final Recurring TWO_TO_THREE = Recurring.daily("02:00", "03:00", BERLIN);

  @ParameterizedTest(name = "{0} ({2}) active: {1}")
  @CsvSource({
    // winter, CET = UTC+1
    "2026-01-13T21:15:00Z, true,  Tuesday 22:15 CET",
    "2026-01-13T21:00:00Z, true,  Tuesday 22:00 CET: the start is included",
    "2026-01-13T22:29:59Z, true,  Tuesday 23:29:59 CET",
    "2026-01-13T22:30:00Z, false, Tuesday 23:30 CET: the end is not",
    "2026-01-13T22:31:00Z, false, Tuesday 23:31 CET",
    "2026-01-13T20:59:00Z, false, Tuesday 21:59 CET",
    "2026-01-14T21:15:00Z, false, Wednesday 22:15 CET",
    // summer, CEST = UTC+2
    "2026-07-14T20:15:00Z, true,  Tuesday 22:15 CEST",
    "2026-07-14T21:15:00Z, true,  Tuesday 23:15 CEST",
    "2026-07-14T21:31:00Z, false, Tuesday 23:31 CEST",
    "2026-07-15T20:15:00Z, false, Wednesday 22:15 CEST",
    // the Tuesdays before and after the March change
    "2026-03-24T21:15:00Z, true,  Tuesday 24 March 22:15 CET",
    "2026-03-24T20:15:00Z, false, Tuesday 24 March 21:15 CET",
    "2026-03-24T22:31:00Z, false, Tuesday 24 March 23:31 CET",
    "2026-03-31T20:15:00Z, true,  Tuesday 31 March 22:15 CEST",
    "2026-03-31T21:15:00Z, true,  Tuesday 31 March 23:15 CEST",
    "2026-03-31T21:31:00Z, false, Tuesday 31 March 23:31 CEST",
    "2026-03-31T19:59:00Z, false, Tuesday 31 March 21:59 CEST",
    // the Tuesdays before and after the October change
    "2026-10-20T20:15:00Z, true,  Tuesday 20 October 22:15 CEST",
    "2026-10-20T21:31:00Z, false, Tuesday 20 October 23:31 CEST",
    "2026-10-27T21:15:00Z, true,  Tuesday 27 October 22:15 CET",
    "2026-10-27T20:15:00Z, false, Tuesday 27 October 21:15 CET",
    "2026-10-27T22:31:00Z, false, Tuesday 27 October 23:31 CET",
  })
  void a_weekly_tuesday_night_window_follows_berlin_wall_clock_time(Instant now, boolean active, String what) {
    assertThat(TUESDAY_NIGHT.isActive(now)).as(what).isEqualTo(active);
  }

  @ParameterizedTest(name = "{0} ({2}) active: {1}")
  @CsvSource({
    "2026-03-28T01:30:00Z, true,  Saturday 02:30 CET",
    "2026-03-29T00:59:59Z, false, Sunday 01:59:59 CET: the clock then jumps to 03:00",
    "2026-03-29T01:00:00Z, false, Sunday 03:00 CEST: 02:00-03:00 did not happen this night",
    "2026-03-29T01:30:00Z, false, Sunday 03:30 CEST",
    "2026-03-30T00:30:00Z, true,  Monday 02:30 CEST",
    "2026-10-24T23:59:00Z, false, Sunday 01:59 CEST",
    "2026-10-25T00:00:00Z, true,  Sunday 02:00 CEST, the first time",
    "2026-10-25T00:59:00Z, true,  Sunday 02:59 CEST",
    "2026-10-25T01:00:00Z, true,  Sunday 02:00 CET, the second time",
    "2026-10-25T01:59:00Z, true,  Sunday 02:59 CET",
    "2026-10-25T02:00:00Z, false, Sunday 03:00 CET: the window lasted two hours",
    "2026-10-26T01:30:00Z, true,  Monday 02:30 CET",
  })
  void a_daily_window_in_the_small_hours_is_skipped_in_spring_and_doubled_in_autumn(
      Instant now, boolean active, String what) {
    assertThat(TWO_TO_THREE.isActive(now)).as(what).isEqualTo(active);
  }

  @Test
  void the_next_start_skips_the_night_the_hour_does_not_exist() {
    assertThat(TWO_TO_THREE.nextStart(Instant.parse("2026-03-28T03:00:00Z")))
        .contains(Instant.parse("2026-03-30T00:00:00Z"));
    assertThat(TWO_TO_THREE.nextStart(Instant.parse("2026-10-24T12:00:00Z")))
        .contains(Instant.parse("2026-10-25T00:00:00Z"));
    assertThat(TWO_TO_THREE.nextStart(Instant.parse("2026-10-25T00:30:00Z")))
        .as("the second 02:00 of the night is not a new start: the window is already on")
        .contains(Instant.parse("2026-10-26T01:00:00Z"));
  }

  @Test
  void a_window_starting_in_the_skipped_hour_starts_when_the_clock_jumps() {
    Recurring halfPastTwo = Recurring.daily("02:30", "03:30", BERLIN);

    assertThat(halfPastTwo.nextStart(Instant.parse("2026-03-28T12:00:00Z")))
        .contains(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(halfPastTwo.isActive(Instant.parse("2026-03-29T01:15:00Z"))).as("03:15 CEST").isTrue();
    assertThat(halfPastTwo.isActive(Instant.parse("2026-03-29T01:30:00Z"))).as("03:30 CEST").isFalse();
  }

  @Test
  void the_next_start_of_a_weekly_window_is_in_the_offset_of_its_day() {
    assertThat(TUESDAY_NIGHT.nextStart(Instant.parse("2026-03-25T00:00:00Z")))
        .contains(Instant.parse("2026-03-31T20:00:00Z"));
    assertThat(TUESDAY_NIGHT.nextStart(Instant.parse("2026-03-18T00:00:00Z")))
        .contains(Instant.parse("2026-03-24T21:00:00Z"));
    assertThat(TUESDAY_NIGHT.nextStart(Instant.parse("2026-03-24T21:00:00Z")))
        .as("strictly after: while one runs, the next is a week later")
        .contains(Instant.parse("2026-03-31T20:00:00Z"));
  }

  @ParameterizedTest(name = "{0} active: {1}")
  @CsvSource({
    "2026-01-13T22:00, true,  Tuesday 22:00",
    "2026-01-14T00:30, true,  Wednesday 00:30, still Tuesday's night",
    "2026-01-14T01:59, true,  Wednesday 01:59",
    "2026-01-14T02:00, false, Wednesday 02:00",
    "2026-01-13T01:00, false, Tuesday 01:00 belongs to Monday night",
    "2026-01-14T22:30, false, Wednesday 22:30",
  })
  void a_range_ending_before_it_starts_spans_midnight(LocalDateTime local, boolean active, String what) {
    Recurring night = Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "02:00", BERLIN);

    assertThat(night.isActive(local.atZone(BERLIN).toInstant())).as(what).isEqualTo(active);
  }

  @Test
  void a_one_off_window_includes_its_start_and_excludes_its_end() {
    OneOff window = new OneOff(Instant.parse("2026-03-10T21:00:00Z"), Instant.parse("2026-03-11T01:00:00Z"));

    assertThat(window.isActive(Instant.parse("2026-03-10T20:59:59Z"))).isFalse();
    assertThat(window.isActive(Instant.parse("2026-03-10T21:00:00Z"))).isTrue();
    assertThat(window.isActive(Instant.parse("2026-03-11T00:59:59Z"))).isTrue();
    assertThat(window.isActive(Instant.parse("2026-03-11T01:00:00Z"))).isFalse();
    assertThat(window.nextStart(Instant.parse("2026-03-01T00:00:00Z"))).contains(window.start());
    assertThat(window.nextStart(Instant.parse("2026-03-10T21:00:00Z"))).isEmpty();
    assertThat(window.endsAt()).contains(window.end());
  }

  @ParameterizedTest(name = "{0} active: {1}")
  @CsvSource({
    "2026-02-24T22:15, false, the Tuesday before from",
    "2026-03-03T22:15, true,  the first Tuesday in the range",
    "2026-03-31T22:15, true,  the last Tuesday in the range",
    "2026-04-07T22:15, false, the first Tuesday after until",
  })
  void a_validity_range_limits_a_recurring_window(LocalDateTime local, boolean active, String what) {
    Recurring march = TUESDAY_NIGHT.between(
        Optional.of(at("2026-03-01T00:00")), Optional.of(at("2026-04-01T00:00")));

    assertThat(march.isActive(local.atZone(BERLIN).toInstant())).as(what).isEqualTo(active);
  }

  @Test
  void the_next_start_respects_the_validity_range() {
    Recurring march = TUESDAY_NIGHT.between(
        Optional.of(at("2026-03-03T22:30")), Optional.of(at("2026-04-01T00:00")));

    assertThat(march.nextStart(at("2026-02-01T00:00")))
        .as("validity beginning during an occurrence starts the window there")
        .contains(at("2026-03-03T22:30"));
    assertThat(march.nextStart(at("2026-03-04T00:00"))).contains(at("2026-03-10T22:00"));
    assertThat(march.nextStart(at("2026-03-31T23:00"))).isEmpty();
    assertThat(march.endsAt()).contains(at("2026-04-01T00:00"));
  }

  @Test
  void a_window_in_effect_without_a_break_has_no_next_start() {
    Recurring always = Recurring.daily("00:00", "24:00", BERLIN);

    assertThat(always.isActive(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
    assertThat(always.isActive(Instant.parse("2026-10-25T01:30:00Z"))).isTrue();
    assertThat(always.nextStart(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void the_last_day_of_the_month_follows_the_months_length() {
    Recurring lastEvening = (Recurring) ScheduleFormat.parse(
        Map.of("days_of_month", "-1", "times", java.util.List.of(Map.of("start", "20:00", "end", "24:00"))));

    assertThat(lastEvening.isActive(at("2026-02-28T21:00"))).isTrue();
    assertThat(lastEvening.isActive(at("2026-02-27T21:00"))).isFalse();
    assertThat(lastEvening.isActive(at("2028-02-28T21:00"))).as("leap year").isFalse();
    assertThat(lastEvening.isActive(at("2028-02-29T21:00"))).as("leap year").isTrue();
    assertThat(lastEvening.nextStart(at("2026-04-01T00:00"))).contains(at("2026-04-30T20:00"));
  }

  @Test
  void a_rare_combination_is_found_years_ahead() {
    // 29 February on a Monday: 2044, then 2072 (28 years later).
    Recurring leapMonday = (Recurring) ScheduleFormat.parse(
        Map.of("weekdays", "monday", "days_of_month", "29", "months", "february"));

    assertThat(leapMonday.nextStart(at("2026-01-01T00:00"))).contains(at("2044-02-29T00:00"));
    assertThat(leapMonday.nextStart(at("2044-03-01T00:00"))).contains(at("2072-02-29T00:00"));
  }

  @Test
  void a_schedule_limited_to_past_years_never_starts_again() {
    Recurring only2025 = (Recurring) ScheduleFormat.parse(Map.of("years", "2025", "weekdays", "tuesday"));

    assertThat(only2025.isActive(at("2025-12-30T12:00"))).isTrue();
    assertThat(only2025.isActive(at("2026-01-06T12:00"))).isFalse();
    assertThat(only2025.nextStart(at("2026-01-01T00:00"))).isEmpty();
  }

  private static Instant at(String localBerlin) {
    return LocalDateTime.parse(localBerlin).atZone(BERLIN).toInstant();
  }
}
