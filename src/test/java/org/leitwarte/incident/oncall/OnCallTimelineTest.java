package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leitwarte.incident.oncall.RotationDstTest.BERLIN;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.incident.oncall.Shift.Source.FromLayer;
import org.leitwarte.incident.oncall.Shift.Source.FromOverride;

/** Layers, restrictions and overrides combined; the timeline of shifts. Local times are Europe/Berlin. */
class OnCallTimelineTest {

  static final Layer WEEKLY = new Layer(
      "Wochendienst",
      new Rotation.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5)),
      List.of("anna", "bernd", "carla", "dirk"),
      Optional.empty());
  static final Layer WEEKEND_NIGHTS = new Layer(
      "Nachts am Wochenende",
      new Rotation.Daily(LocalTime.of(20, 0), LocalDate.of(2026, 1, 3)),
      List.of("nora", "otto"),
      Optional.of(new Restriction(
          Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(Restriction.TimeRange.parse("20:00", "08:00")))));
  static final ScheduleOverride SICK = new ScheduleOverride("olga", at("2026-03-25T12:00"), at("2026-03-26T12:00"), "Krankheit");
  static final OnCallSchedule SCHEDULE =
      new OnCallSchedule("netz", "Netz", Optional.of("netz"), BERLIN, List.of(WEEKLY, WEEKEND_NIGHTS), List.of(SICK));

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // The week of 23 March is dirk's; the weekend nights are nora's (Saturday) and otto's (Sunday).
    "2026-03-27T21:00, dirk",
    "2026-03-28T19:59, dirk",
    "2026-03-28T20:00, nora",
    "2026-03-29T01:59, nora",
    "2026-03-29T03:00, nora",
    "2026-03-29T07:59, nora",
    "2026-03-29T08:00, dirk",
    "2026-03-29T19:59, dirk",
    "2026-03-29T20:00, otto",
    "2026-03-30T07:59, otto",
    "2026-03-30T08:00, dirk",
    "2026-03-30T09:00, anna",
    "2026-03-31T21:00, anna",
    // The override wins over every layer for its time, and ends.
    "2026-03-25T11:59, dirk",
    "2026-03-25T12:00, olga",
    "2026-03-26T11:59, olga",
    "2026-03-26T12:00, dirk",
  })
  void later_layers_win_where_they_cover_and_overrides_win_over_all(String time, String expected) {
    assertThat(OnCallTimeline.whoIsOnCall(SCHEDULE, at(time))).contains(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2026-03-25T17:59, olga",
    "2026-03-25T18:00, paul",
    "2026-03-25T19:59, paul",
    "2026-03-25T20:00, olga",
    "2026-03-28T21:00, nora",
    "2026-03-30T09:00, paul",
    "2026-03-30T10:00, anna",
  })
  void overrides_from_the_store_win_over_those_in_the_file(String time, String expected) {
    List<ScheduleOverride> stored = List.of(
        new ScheduleOverride("paul", at("2026-03-25T18:00"), at("2026-03-25T20:00"), "Tausch"),
        new ScheduleOverride("paul", at("2026-03-30T09:00"), at("2026-03-30T10:00"), "Übergabe später"));

    assertThat(OnCallTimeline.whoIsOnCall(SCHEDULE, stored, at(time))).contains(expected);
  }

  @Test
  void the_week_of_the_spring_clock_change_has_shifts_without_gap_or_overlap() {
    Instant from = at("2026-03-23T09:00");
    Instant to = at("2026-03-30T09:00");

    List<Shift> shifts = OnCallTimeline.shifts(SCHEDULE, from, to);

    FromLayer weekly = new FromLayer("Wochendienst");
    FromLayer nights = new FromLayer("Nachts am Wochenende");
    assertThat(shifts).containsExactly(
        new Shift("dirk", at("2026-03-23T09:00"), at("2026-03-25T12:00"), weekly),
        new Shift("olga", at("2026-03-25T12:00"), at("2026-03-26T12:00"), new FromOverride("Krankheit")),
        new Shift("dirk", at("2026-03-26T12:00"), at("2026-03-28T20:00"), weekly),
        new Shift("nora", at("2026-03-28T20:00"), at("2026-03-29T08:00"), nights),
        new Shift("dirk", at("2026-03-29T08:00"), at("2026-03-29T20:00"), weekly),
        new Shift("otto", at("2026-03-29T20:00"), at("2026-03-30T08:00"), nights),
        new Shift("dirk", at("2026-03-30T08:00"), at("2026-03-30T09:00"), weekly));
    assertTiles(shifts, from, to);
    // The Saturday night lost the skipped hour: 20:00 to 08:00 is 11 hours that night.
    assertThat(Duration.between(shifts.get(3).start(), shifts.get(3).end())).isEqualTo(Duration.ofHours(11));
    assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(167));
  }

  @Test
  void the_week_of_the_autumn_clock_change_has_shifts_without_gap_or_overlap() {
    OnCallSchedule weeklyOnly = new OnCallSchedule("netz", "Netz", Optional.empty(), BERLIN, List.of(WEEKLY, WEEKEND_NIGHTS), List.of());
    // Monday 00:00 lies in the Sunday night, which is nora's.
    Instant from = at("2026-10-19T00:00");
    Instant to = at("2026-10-27T00:00");

    List<Shift> shifts = OnCallTimeline.shifts(weeklyOnly, from, to);

    assertTiles(shifts, from, to);
    assertThat(shifts).extracting(Shift::person).containsExactly("nora", "anna", "bernd", "nora", "bernd", "otto", "bernd", "carla");
    Shift saturdayNight = shifts.get(3);
    assertThat(saturdayNight.start()).isEqualTo(at("2026-10-24T20:00"));
    assertThat(saturdayNight.end()).isEqualTo(at("2026-10-25T08:00"));
    assertThat(Duration.between(saturdayNight.start(), saturdayNight.end())).isEqualTo(Duration.ofHours(13));
    // The new week begins at 09:00 wall-clock time, which is 08:00 UTC in winter.
    assertThat(shifts.get(7).start()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
  }

  @Test
  void times_nobody_covers_are_left_out_of_the_timeline() {
    OnCallSchedule nightsOnly =
        new OnCallSchedule("nacht", "Nacht", Optional.empty(), BERLIN, List.of(WEEKEND_NIGHTS), List.of());

    List<Shift> shifts = OnCallTimeline.shifts(nightsOnly, at("2026-03-27T00:00"), at("2026-03-31T00:00"));

    assertThat(shifts).extracting(Shift::person, Shift::start, Shift::end).containsExactly(
        org.assertj.core.api.Assertions.tuple("nora", at("2026-03-28T20:00"), at("2026-03-29T08:00")),
        org.assertj.core.api.Assertions.tuple("otto", at("2026-03-29T20:00"), at("2026-03-30T08:00")));
    assertThat(OnCallTimeline.whoIsOnCall(nightsOnly, at("2026-03-29T12:00"))).isEmpty();
  }

  @Test
  void before_its_first_hand_over_a_layer_has_nobody_and_the_one_below_answers() {
    Layer later = new Layer(
        "Neue Rotation",
        new Rotation.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 4, 6)),
        List.of("zoe"),
        Optional.empty());
    OnCallSchedule schedule = new OnCallSchedule("s", "s", Optional.empty(), BERLIN, List.of(WEEKLY, later), List.of());

    assertThat(OnCallTimeline.whoIsOnCall(schedule, at("2026-04-06T08:59"))).contains("anna");
    assertThat(OnCallTimeline.whoIsOnCall(schedule, at("2026-04-06T09:00"))).contains("zoe");
  }

  @Test
  void a_range_that_is_empty_or_too_long_is_refused() {
    assertThatThrownBy(() -> OnCallTimeline.shifts(SCHEDULE, at("2026-03-23T09:00"), at("2026-03-23T09:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to: must be after from");
    assertThatThrownBy(() -> OnCallTimeline.shifts(SCHEDULE, at("2026-01-01T00:00"), at("2027-03-01T00:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range must not be longer than 400 days");
  }

  static void assertTiles(List<Shift> shifts, Instant from, Instant to) {
    assertThat(shifts.get(0).start()).isEqualTo(from);
    assertThat(shifts.get(shifts.size() - 1).end()).isEqualTo(to);
    for (int i = 1; i < shifts.size(); i++) {
      assertThat(shifts.get(i).start()).as("start of shift %d", i).isEqualTo(shifts.get(i - 1).end());
    }
  }

  static Instant at(String time) {
    return ScheduleText.parseInstant(time, BERLIN);
  }
}
