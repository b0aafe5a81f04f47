package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-overs across the 2026 clock changes in Europe/Berlin: summer time starts Sunday 29 March at 02:00
 * (02:00 becomes 03:00), ends Sunday 25 October at 03:00 (03:00 becomes 02:00). Times in the tables
 * without an offset are wall-clock times in Europe/Berlin; those with Z are UTC.
 */
class RotationDstTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final List<String> FOUR = List.of("anna", "bernd", "carla", "dirk");
  static final List<String> THREE = List.of("anna", "bernd", "carla");
  static final List<String> TWO = List.of("anna", "bernd");

  /** The rotations under test, each with its people. */
  static final Map<String, Layer> LAYERS = Map.of(
      "weekly monday 09:00",
      layer(new Rotation.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5)), FOUR),
      "daily 20:00",
      layer(new Rotation.Daily(LocalTime.of(20, 0), LocalDate.of(2026, 3, 1)), THREE),
      "custom 12h",
      layer(new Rotation.Custom(Instant.parse("2026-03-28T07:00:00Z"), Duration.ofHours(12)), TWO),
      "daily 02:30",
      layer(new Rotation.Daily(LocalTime.of(2, 30), LocalDate.of(2026, 3, 27)), TWO));

  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    // Weekly, Monday 09:00 local from 5 January: turn k from 5 Jan + k weeks; 30 March is turn 12.
    "weekly monday 09:00, 2026-01-05T08:59, -",
    "weekly monday 09:00, 2026-01-05T09:00, anna",
    "weekly monday 09:00, 2026-03-23T08:59, carla",
    "weekly monday 09:00, 2026-03-23T09:00, dirk",
    "weekly monday 09:00, 2026-03-29T01:59, dirk",
    "weekly monday 09:00, 2026-03-29T03:00, dirk",
    "weekly monday 09:00, 2026-03-30T08:59, dirk",
    "weekly monday 09:00, 2026-03-30T09:00, anna",
    "weekly monday 09:00, 2026-03-30T06:59:59Z, dirk",
    "weekly monday 09:00, 2026-03-30T07:00:00Z, anna",
    "weekly monday 09:00, 2026-04-06T08:59, anna",
    "weekly monday 09:00, 2026-04-06T09:00, bernd",
    "weekly monday 09:00, 2026-10-19T08:59, anna",
    "weekly monday 09:00, 2026-10-19T09:00, bernd",
    "weekly monday 09:00, 2026-10-25T02:30, bernd",
    "weekly monday 09:00, 2026-10-26T08:30, bernd",
    "weekly monday 09:00, 2026-10-26T08:59, bernd",
    "weekly monday 09:00, 2026-10-26T09:00, carla",
    "weekly monday 09:00, 2026-10-26T07:59:59Z, bernd",
    "weekly monday 09:00, 2026-10-26T08:00:00Z, carla",
    // Daily 20:00 local from 1 March: 28 March is turn 27, 29 March turn 28, 25 October turn 238.
    "daily 20:00, 2026-03-28T19:59, carla",
    "daily 20:00, 2026-03-28T20:00, anna",
    "daily 20:00, 2026-03-29T19:59, anna",
    "daily 20:00, 2026-03-29T20:00, bernd",
    "daily 20:00, 2026-03-29T18:00:00Z, bernd",
    "daily 20:00, 2026-03-30T19:59, bernd",
    "daily 20:00, 2026-03-30T20:00, carla",
    "daily 20:00, 2026-10-24T20:00, anna",
    "daily 20:00, 2026-10-25T19:59, anna",
    "daily 20:00, 2026-10-25T20:00, bernd",
    "daily 20:00, 2026-10-25T18:59:59Z, anna",
    "daily 20:00, 2026-10-25T19:00:00Z, bernd",
    // Custom 12h in absolute time from 28 March 07:00 UTC: hands over at 07:00 and 19:00 UTC, which is
    // 08:00/20:00 in winter and 09:00/21:00 in summer.
    "custom 12h, 2026-03-28T07:59, -",
    "custom 12h, 2026-03-28T08:00, anna",
    "custom 12h, 2026-03-28T20:00, bernd",
    "custom 12h, 2026-03-29T08:00, bernd",
    "custom 12h, 2026-03-29T08:59, bernd",
    "custom 12h, 2026-03-29T09:00, anna",
    "custom 12h, 2026-03-29T21:00, bernd",
    "custom 12h, 2026-10-25T07:59, bernd",
    "custom 12h, 2026-10-25T08:00, anna",
    "custom 12h, 2026-10-25T19:59, anna",
    "custom 12h, 2026-10-25T20:00, bernd",
    // A hand-over in the hour the clock skips happens when it jumps (03:00); in the repeated hour, the
    // first time the clock shows it.
    "daily 02:30, 2026-03-29T01:59, bernd",
    "daily 02:30, 2026-03-29T01:00:00Z, anna",
    "daily 02:30, 2026-03-29T03:00, anna",
    "daily 02:30, 2026-10-25T00:29:59Z, bernd",
    "daily 02:30, 2026-10-25T00:30:00Z, anna",
    "daily 02:30, 2026-10-25T01:30:00Z, anna",
  })
  void the_person_on_call_follows_the_wall_clock_or_absolute_time(String rotation, String at, String expected) {
    Instant instant = ScheduleText.parseInstant(at, BERLIN);

    Optional<String> person = LAYERS.get(rotation).personAt(instant, BERLIN);

    assertThat(person).isEqualTo(expected.equals("-") ? Optional.empty() : Optional.of(expected));
  }

  @ParameterizedTest(name = "{0} ({1} hours)")
  @CsvSource({
    "2026-03-23T09:00, 167",
    "2026-03-30T09:00, 168",
    "2026-10-19T09:00, 169",
    "2026-10-26T09:00, 168",
  })
  void a_week_containing_a_clock_change_is_an_hour_shorter_or_longer(String weekStart, long hours) {
    Rotation weekly = LAYERS.get("weekly monday 09:00").rotation();
    Instant start = ScheduleText.parseInstant(weekStart, BERLIN);
    long turn = weekly.turn(start, BERLIN);

    assertThat(weekly.handover(turn, BERLIN)).isEqualTo(start);
    assertThat(Duration.between(start, weekly.handover(turn + 1, BERLIN))).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void hand_overs_in_a_range_are_listed_in_order_and_exclude_the_ends() {
    Rotation daily = LAYERS.get("daily 20:00").rotation();

    List<Instant> handovers = daily.handovers(
        ScheduleText.parseInstant("2026-03-28T20:00", BERLIN), ScheduleText.parseInstant("2026-03-31T20:00", BERLIN), BERLIN);

    assertThat(handovers).containsExactly(
        Instant.parse("2026-03-29T18:00:00Z"), Instant.parse("2026-03-30T18:00:00Z"));
  }

  private static Layer layer(Rotation rotation, List<String> people) {
    return new Layer("test", rotation, people, Optional.empty());
  }
}
