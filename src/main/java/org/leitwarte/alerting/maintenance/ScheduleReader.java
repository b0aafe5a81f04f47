package org.leitwarte.alerting.maintenance;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.alerting.maintenance.Schedule.DayRange;
import org.leitwarte.alerting.maintenance.Schedule.OneOff;
import org.leitwarte.alerting.maintenance.Schedule.Recurring;
import org.leitwarte.alerting.maintenance.Schedule.TimeRange;
import org.leitwarte.alerting.maintenance.Schedule.YearRange;
import org.leitwarte.config.Suggestions;

/** Reads one schedule map (see {@link ScheduleFormat}), collecting every problem with its field. */
final class ScheduleReader {

  private static final List<String> ONE_OFF_KEYS = List.of("start", "end", "time_zone");
  private static final List<String> RECURRING_KEYS =
      List.of("times", "weekdays", "days_of_month", "months", "years", "time_zone", "location", "from", "until");
  private static final Pattern NUMBER_RANGE = Pattern.compile("\\s*(-?\\d+)\\s*(?::\\s*(-?\\d+)\\s*)?");
  private static final List<String> TIME_KEYS = List.of("start", "end", "start_time", "end_time");

  private final String path;
  private final List<String> problems = new ArrayList<>();

  ScheduleReader(String path) {
    this.path = path;
  }

  Schedule read(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      throw new InvalidScheduleException(List.of(where("") + "a schedule needs start and end (one-off) or "
          + "times, weekdays, days_of_month, months or years (recurring)"));
    }
    boolean oneOff = map.containsKey("start") || map.containsKey("end");
    checkKeys(map, oneOff ? ONE_OFF_KEYS : RECURRING_KEYS, "", oneOff);
    ZoneId zone = zone(map);
    Schedule schedule = oneOff ? oneOff(map, zone) : recurring(map, zone);
    if (!problems.isEmpty()) {
      throw new InvalidScheduleException(problems);
    }
    return schedule;
  }

  private OneOff oneOff(Map<String, ?> map, ZoneId zone) {
    Optional<Instant> start = instant(map.get("start"), "start", zone, true);
    Optional<Instant> end = instant(map.get("end"), "end", zone, true);
    if (start.isPresent() && end.isPresent()) {
      if (!end.get().isAfter(start.get())) {
        problem("end", "must be after start (" + map.get("start") + "), got " + map.get("end"));
        return null;
      }
      return new OneOff(start.get(), end.get());
    }
    return null;
  }

  private Recurring recurring(Map<String, ?> map, ZoneId zone) {
    List<TimeRange> times = new ArrayList<>();
    List<Object> timeItems = list(map, "times");
    for (int i = 0; i < timeItems.size(); i++) {
      timeRange(timeItems.get(i), "times[" + i + "]").ifPresent(times::add);
    }
    Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    forEachText(map, "weekdays", (text, field) -> weekdays.addAll(cyclicRange(text, field, DayOfWeek.values(), "weekday")));
    List<DayRange> days = new ArrayList<>();
    forEachText(map, "days_of_month", (text, field) -> numberRange(text, field, "day of month")
        .ifPresent(range -> attempt(field, () -> days.add(dayRange(range)))));
    Set<Month> months = EnumSet.noneOf(Month.class);
    forEachText(map, "months", (text, field) -> months.addAll(cyclicRange(text, field, Month.values(), "month")));
    List<YearRange> years = new ArrayList<>();
    forEachText(map, "years", (text, field) -> numberRange(text, field, "year")
        .ifPresent(range -> attempt(field, () -> years.add(new YearRange(range[0], range[1])))));
    Optional<Instant> from = instant(map.get("from"), "from", zone, false);
    Optional<Instant> until = instant(map.get("until"), "until", zone, false);
    if (!problems.isEmpty()) {
      return null;
    }
    boolean filtered = !(times.isEmpty() && weekdays.isEmpty() && days.isEmpty() && months.isEmpty() && years.isEmpty());
    if (!filtered && (from.isEmpty() || until.isEmpty())) {
      problem("", "a recurring schedule without times, weekdays, days_of_month, months or years would be in effect "
          + "forever; give one of them, or both from and until");
      return null;
    }
    if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
      problem("until", "must be after from (" + map.get("from") + "), got " + map.get("until"));
      return null;
    }
    return new Recurring(times, weekdays, days, months, years, zone, from, until);
  }

  private static DayRange dayRange(int[] range) {
    try {
      return new DayRange(range[0], range[1]);
    } catch (IllegalArgumentException e) {
      boolean sexagesimal = range[0] == range[1] && range[0] > 31;
      throw sexagesimal
          ? new IllegalArgumentException(e.getMessage() + "; write ranges in quotes (\"1:7\"): unquoted, YAML reads 1:7 as 67")
          : e;
    }
  }

  private Optional<TimeRange> timeRange(Object item, String field) {
    if (!(item instanceof Map<?, ?> time)) {
      problem(field, "expected {start: \"HH:MM\", end: \"HH:MM\"}, got " + item);
      return Optional.empty();
    }
    checkKeys(time, TIME_KEYS, field + ".", false);
    Optional<Integer> start = minute(time.containsKey("start") ? time.get("start") : time.get("start_time"), field + ".start", false);
    Optional<Integer> end = minute(time.containsKey("end") ? time.get("end") : time.get("end_time"), field + ".end", true);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    if (start.get().equals(end.get())) {
      problem(field + ".end", "must differ from start (" + time.get("start") + ")");
      return Optional.empty();
    }
    return Optional.of(new TimeRange(start.get(), end.get()));
  }

  private Optional<Integer> minute(Object value, String field, boolean end) {
    if (value == null) {
      problem(field, "missing (HH:MM)");
    } else if (value instanceof Number number) {
      problem(field, "write the time in quotes (\"22:00\"): unquoted, YAML reads 22:00 as the number " + number);
    } else {
      try {
        return Optional.of(ScheduleFormat.minuteOfDay(value.toString(), end));
      } catch (IllegalArgumentException e) {
        problem(field, e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** {@code first:last} of named members; a range may wrap past the end (saturday:monday). */
  private <E extends Enum<E>> List<E> cyclicRange(String text, String field, E[] all, String what) {
    String[] parts = text.split(":", -1);
    if (parts.length > 2) {
      problem(field, "'" + text + "' is not a " + what + " or a range first:last");
      return List.of();
    }
    Optional<E> first = member(parts[0], all, field, what);
    Optional<E> last = parts.length == 2 ? member(parts[1], all, field, what) : first;
    if (first.isEmpty() || last.isEmpty()) {
      return List.of();
    }
    List<E> members = new ArrayList<>();
    int i = first.get().ordinal();
    while (true) {
      members.add(all[i]);
      if (i == last.get().ordinal()) {
        return members;
      }
      i = (i + 1) % all.length;
    }
  }

  private <E extends Enum<E>> Optional<E> member(String text, E[] all, String field, String what) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (E value : all) {
      names.add(ScheduleFormat.name(value));
      if (ScheduleFormat.name(value).equals(name)) {
        return Optional.of(value);
      }
    }
    // Months may also be given by number.
    if (all[0] instanceof Month && name.matches("\\d{1,2}")) {
      int number = Integer.parseInt(name);
      if (number >= 1 && number <= 12) {
        return Optional.of(all[number - 1]);
      }
    }
    String suggestion = Suggestions.closest(name, names).map(s -> " (did you mean " + s + "?)").orElse("");
    problem(field, "'" + text.strip() + "' is not a " + what + suggestion + "; expected one of " + String.join(", ", names));
    return Optional.empty();
  }

  private Optional<int[]> numberRange(String text, String field, String what) {
    // A leading minus belongs to the number ("-7:-1"), so split on the colon between two numbers.
    Matcher matcher = NUMBER_RANGE.matcher(text);
    if (!matcher.matches()) {
      problem(field, "'" + text + "' is not a " + what + " or a range first:last (write ranges in quotes: \"1:7\")");
      return Optional.empty();
    }
    try {
      int first = Integer.parseInt(matcher.group(1));
      int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
      return Optional.of(new int[] {first, last});
    } catch (NumberFormatException e) {
      problem(field, "'" + text + "' is out of range");
      return Optional.empty();
    }
  }

  private ZoneId zone(Map<String, ?> map) {
    String key = map.containsKey("time_zone") ? "time_zone" : "location";
    Object value = map.get(key);
    if (value == null) {
      return Schedule.DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(value.toString().strip());
    } catch (DateTimeException e) {
      problem(key, "'" + value + "' is not a known time zone (an IANA name such as Europe/Berlin or UTC)");
      return Schedule.DEFAULT_ZONE;
    }
  }

  private Optional<Instant> instant(Object value, String field, ZoneId zone, boolean required) {
    if (value == null) {
      if (required) {
        problem(field, "missing (a date-time such as 2026-03-10T22:00:00+01:00)");
      }
      return Optional.empty();
    }
    if (value instanceof java.util.Date) {
      problem(field, "write the date-time in quotes: unquoted, YAML turns it into a UTC timestamp");
      return Optional.empty();
    }
    String text = value.toString().strip();
    for (Function<String, Instant> parser : List.<Function<String, Instant>>of(
        t -> OffsetDateTime.parse(t).toInstant(),
        t -> ZonedDateTime.of(LocalDateTime.parse(t), zone).toInstant(),
        t -> LocalDate.parse(t).atStartOfDay(zone).toInstant())) {
      try {
        return Optional.of(parser.apply(text));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    problem(field, "'" + text + "' is not a date-time (2026-03-10T22:00:00+01:00, 2026-03-10T22:00 in the "
        + "schedule's time zone, or 2026-03-10)");
    return Optional.empty();
  }

  private interface TextConsumer {
    void accept(String text, String field);
  }

  private void forEachText(Map<String, ?> map, String key, TextConsumer consumer) {
    List<Object> items = list(map, key);
    for (int i = 0; i < items.size(); i++) {
      String field = key + "[" + i + "]";
      Object item = items.get(i);
      if (item instanceof String || item instanceof Number) {
        consumer.accept(item.toString(), field);
      } else {
        problem(field, "expected a name, a number or a range first:last, got " + item);
      }
    }
  }

  private static List<Object> list(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof Iterable<?> iterable && !(value instanceof Map<?, ?>)) {
      List<Object> items = new ArrayList<>();
      iterable.forEach(items::add);
      return items;
    }
    return List.of(value);
  }

  private void checkKeys(Map<?, ?> map, List<String> known, String prefix, boolean oneOff) {
    for (Object key : map.keySet()) {
      String name = String.valueOf(key);
      if (known.contains(name)) {
        continue;
      }
      if (oneOff && RECURRING_KEYS.contains(name)) {
        problem(prefix + name, "not allowed with start/end (a one-off window); a recurring window has no start/end at "
            + "the top but times: [{start, end}]");
      } else {
        String suggestion = Suggestions.closest(name, known).map(s -> " (did you mean " + s + "?)").orElse("");
        problem(prefix + name, "unknown field" + suggestion + "; known: " + String.join(", ", known));
      }
    }
  }

  private void attempt(String field, Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      problem(field, e.getMessage());
    }
  }

  private void problem(String field, String message) {
    problems.add(where(field) + message);
  }

  private String where(String field) {
    String full = path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
    return full.isEmpty() ? "" : full + ": ";
  }
}
