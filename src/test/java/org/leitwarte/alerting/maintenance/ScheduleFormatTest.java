package org.leitwarte.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.maintenance.Schedule.DayRange;
import org.leitwarte.alerting.maintenance.Schedule.OneOff;
import org.leitwarte.alerting.maintenance.Schedule.Recurring;
import org.leitwarte.alerting.maintenance.Schedule.TimeRange;
import org.leitwarte.alerting.maintenance.Schedule.YearRange;
import org.yaml.snakeyaml.Yaml;

class ScheduleFormatTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void the_usual_weekly_window_reads_from_yaml() {
    Schedule schedule = parseYaml("{weekdays: [tuesday], times: [{start: '22:00', end: '23:30'}], time_zone: Europe/Berlin}");

    assertThat(schedule).isEqualTo(Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", BERLIN));
  }

  @Test
  void every_field_of_a_recurring_window_reads_from_yaml() {
    Schedule schedule = parseYaml("""
        times:
          - {start_time: '22:00', end_time: '02:00'}
          - {start: '06:00', end: '24:00'}
        weekdays: ['Monday:Wednesday', saturday:monday]
        days_of_month: ['1:7', '-7:-1', 15]
        months: [november:february, 7]
        years: ['2026:2027', 2030]
        location: UTC
        from: '2026-03-01'
        until: '2027-01-01T00:00:00Z'
        """);

    assertThat(schedule).isEqualTo(new Recurring(
        List.of(new TimeRange(22 * 60, 120), new TimeRange(6 * 60, 24 * 60)),
        Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        List.of(new DayRange(1, 7), new DayRange(-7, -1), new DayRange(15, 15)),
        Set.of(Month.NOVEMBER, Month.DECEMBER, Month.JANUARY, Month.FEBRUARY, Month.JULY),
        List.of(new YearRange(2026, 2027), new YearRange(2030, 2030)),
        ZoneId.of("UTC"),
        Optional.of(Instant.parse("2026-03-01T00:00:00Z")),
        Optional.of(Instant.parse("2027-01-01T00:00:00Z"))));
  }

  @Test
  void a_one_off_window_reads_with_offsets_or_in_its_time_zone() {
    assertThat(ScheduleFormat.parse(Map.of("start", "2026-03-10T22:00:00+01:00", "end", "2026-03-11T02:00")))
        .isEqualTo(new OneOff(Instant.parse("2026-03-10T21:00:00Z"), Instant.parse("2026-03-11T01:00:00Z")));
    assertThat(ScheduleFormat.parse(Map.of("start", "2026-07-10T22:00", "end", "2026-07-11", "time_zone", "UTC")))
        .isEqualTo(new OneOff(Instant.parse("2026-07-10T22:00:00Z"), Instant.parse("2026-07-11T00:00:00Z")));
  }

  @Test
  void the_weekly_window_formats_as_written() {
    assertThat(ScheduleFormat.format(Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", BERLIN)))
        .isEqualTo(Map.of(
            "times", List.of(Map.of("start", "22:00", "end", "23:30")),
            "weekdays", List.of("tuesday"),
            "time_zone", "Europe/Berlin"));
  }

  static Stream<Schedule> schedules() {
    return Stream.of(
        new OneOff(Instant.parse("2026-03-10T21:00:00.123Z"), Instant.parse("2026-03-11T01:00:00Z")),
        Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", BERLIN),
        Recurring.daily("22:00", "02:00", ZoneId.of("America/New_York"))
            .between(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.empty()),
        parseYaml("""
            {weekdays: ['monday:friday', sunday], days_of_month: ['-7:-1', '3'], months: ['march:may', december],
             years: ['2026:2030'], times: [{start: '00:00', end: '24:00'}], until: '2031-01-01'}
            """));
  }

  @ParameterizedTest
  @MethodSource("schedules")
  void a_formatted_schedule_reads_back_equal(Schedule schedule) {
    Map<String, Object> map = ScheduleFormat.format(schedule);

    assertThat(ScheduleFormat.parse(map)).isEqualTo(schedule);
    assertThat(ScheduleFormat.parse(new Yaml().load(new Yaml().dump(map)))).as("through YAML").isEqualTo(schedule);
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("{start: '2026-03-10T22:00', end: '2026-03-10T21:00'}",
            "end: must be after start (2026-03-10T22:00), got 2026-03-10T21:00"),
        Arguments.of("{start: '2026-03-10T22:00'}", "end: missing"),
        Arguments.of("{weekdays: [tuesdy]}",
            "weekdays[0]: 'tuesdy' is not a weekday (did you mean tuesday?); expected one of monday, tuesday,"),
        Arguments.of("{weekdays: ['monday:fryday']}", "weekdays[0]: 'fryday' is not a weekday (did you mean friday?)"),
        Arguments.of("{weekdays: [tuesday], time_zone: Europe/Berln}",
            "time_zone: 'Europe/Berln' is not a known time zone (an IANA name such as Europe/Berlin or UTC)"),
        Arguments.of("{times: [{start: '25:00', end: '26:00'}]}",
            "times[0].start: '25:00' is not a time of day (00:00 to 23:59)"),
        Arguments.of("{times: [{start: '22:00', end: '24:30'}]}",
            "times[0].end: '24:30' is not a time of day (00:00 to 24:00)"),
        Arguments.of("{times: [{start: '22:00', end: 'late'}]}",
            "times[0].end: 'late' is not a time of day HH:MM (00:00 to 24:00)"),
        Arguments.of("{times: [{start: '22:00', end: '22:00'}]}", "times[0].end: must differ from start (22:00)"),
        Arguments.of("{times: [{start: 22:00, end: '23:00'}]}",
            "times[0].start: write the time in quotes (\"22:00\"): unquoted, YAML reads 22:00 as the number 1320"),
        Arguments.of("{times: [{start: '22:00'}]}", "times[0].end: missing (HH:MM)"),
        Arguments.of("{times: [{start: '22:00', end: '23:00', ende: '23:30'}]}",
            "times[0].ende: unknown field (did you mean end?)"),
        Arguments.of("{times: ['22:00-23:00']}", "times[0]: expected {start: \"HH:MM\", end: \"HH:MM\"}, got 22:00-23:00"),
        Arguments.of("{days_of_month: ['0']}", "days_of_month[0]: 0 is not a day of the month (1 to 31, or -1 to -31 from the end)"),
        Arguments.of("{days_of_month: [1:7]}", "days_of_month[0]: 67 is not a day of the month (1 to 31, or -1 to -31 "
            + "from the end); write ranges in quotes (\"1:7\"): unquoted, YAML reads 1:7 as 67"),
        Arguments.of("{days_of_month: ['-1:5']}", "days_of_month[0]: a range starting from the end of the month must end there too"),
        Arguments.of("{days_of_month: ['-3:-5']}", "days_of_month[0]: day -5 is before day -3"),
        Arguments.of("{days_of_month: ['first']}", "days_of_month[0]: 'first' is not a day of month or a range first:last"),
        Arguments.of("{months: [smarch]}", "months[0]: 'smarch' is not a month (did you mean march?); expected one of january,"),
        Arguments.of("{months: ['13']}", "months[0]: '13' is not a month"),
        Arguments.of("{years: ['2027:2026']}", "years[0]: year 2026 is before year 2027"),
        Arguments.of("{weekday: [tuesday]}", "weekday: unknown field (did you mean weekdays?)"),
        Arguments.of("{start: '2026-03-10T22:00', end: '2026-03-10T23:00', weekdays: [tuesday]}",
            "weekdays: not allowed with start/end (a one-off window)"),
        Arguments.of("{weekdays: [tuesday], from: tomorrow}", "from: 'tomorrow' is not a date-time"),
        Arguments.of("{weekdays: [tuesday], from: 2026-04-01}",
            "from: write the date-time in quotes: unquoted, YAML turns it into a UTC timestamp"),
        Arguments.of("{weekdays: [tuesday], from: '2026-04-01', until: '2026-03-01'}",
            "until: must be after from (2026-04-01), got 2026-03-01"),
        Arguments.of("{time_zone: UTC, from: '2026-03-01'}", "a recurring schedule without times, weekdays, days_of_month, "
            + "months or years would be in effect forever"),
        Arguments.of("{}", "a schedule needs start and end (one-off) or times, weekdays, days_of_month, months or years"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void bad_input_is_rejected_naming_the_field(String yaml, String message) {
    assertThatThrownBy(() -> parseYaml(yaml))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining(message);
  }

  @Test
  void every_problem_is_reported_at_once_under_the_given_path() {
    InvalidScheduleException e = catchThrowableOfType(InvalidScheduleException.class, () -> ScheduleFormat.parse(
        new Yaml().load("{weekdays: [tuesdy], times: [{start: '22:00', end: '25:00'}], time_zone: Mars/Olympus}"),
        "schedule"));

    assertThat(e.problems()).hasSize(3).anySatisfy(p -> assertThat(p).startsWith("schedule.weekdays[0]: 'tuesdy'"))
        .anySatisfy(p -> assertThat(p).startsWith("schedule.times[0].end: '25:00'"))
        .anySatisfy(p -> assertThat(p).startsWith("schedule.time_zone: 'Mars/Olympus'"));
  }

  @ParameterizedTest
  @CsvSource({"00:00, 0", "9:05, 545", "23:59, 1439"})
  void times_of_day_are_minutes_since_midnight(String text, int minute) {
    assertThat(ScheduleFormat.minuteOfDay(text, false)).isEqualTo(minute);
  }

  @Test
  void only_an_end_may_be_midnight_at_the_end_of_the_day() {
    assertThat(ScheduleFormat.minuteOfDay("24:00", true)).isEqualTo(1440);
    assertThatThrownBy(() -> TimeRange.parse("24:00", "01:00")).hasMessageContaining("'24:00' is not a time of day");
  }

  private static Schedule parseYaml(String yaml) {
    return ScheduleFormat.parse(new Yaml().<Map<String, Object>>load(yaml));
  }
}
