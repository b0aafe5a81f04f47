package org.leitwarte.alerting.maintenance;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.alerting.maintenance.Schedule.DayRange;
import org.leitwarte.alerting.maintenance.Schedule.OneOff;
import org.leitwarte.alerting.maintenance.Schedule.Recurring;
import org.leitwarte.alerting.maintenance.Schedule.TimeRange;
import org.leitwarte.alerting.maintenance.Schedule.YearRange;

/**
 * Schedules as plain maps, the shape they take in YAML files and JSON bodies (keys as in Alertmanager's
 * {@code time_intervals}).
 *
 * <p>One-off: {@code {start: "2026-03-10T22:00:00+01:00", end: "2026-03-11T02:00:00+01:00"}}; a
 * date-time without offset ({@code 2026-03-10T22:00}) is read in {@code time_zone} (default
 * Europe/Berlin).
 *
 * <p>Recurring: {@code {weekdays: [tuesday], times: [{start: "22:00", end: "23:30"}], time_zone:
 * Europe/Berlin}}, with the optional keys
 *
 * <ul>
 *   <li>{@code times}: list of {@code {start: "HH:MM", end: "HH:MM"}} (also {@code start_time}/{@code
 *       end_time}); end may be {@code 24:00}, or before start to span midnight; none: the whole day
 *   <li>{@code weekdays}: {@code monday} … {@code sunday}, or ranges {@code monday:friday} (a range may
 *       wrap: {@code saturday:monday})
 *   <li>{@code days_of_month}: {@code 1} … {@code 31}, {@code -1} for the last day, ranges {@code "1:7"},
 *       {@code "-7:-1"}
 *   <li>{@code months}: {@code january} … {@code december} or {@code 1} … {@code 12}, ranges (may wrap:
 *       {@code november:february})
 *   <li>{@code years}: {@code 2026}, ranges {@code 2026:2027}
 *   <li>{@code time_zone} (also {@code location}): an IANA zone, default Europe/Berlin
 *   <li>{@code from}, {@code until}: when the schedule begins and ends to apply (until exclusive), as a
 *       date-time with offset, a local date-time or a date (midnight) in {@code time_zone}
 * </ul>
 *
 * <p>The maps hold plain {@link Map}s, {@link List}s, strings and numbers, as SnakeYAML gives them and
 * as {@code new JsonObject(text).getMap()} does for parsed JSON.
 *
 * <p>Quote times, date-times and ranges of numbers in YAML: unquoted, YAML reads {@code 22:00} as the
 * number 1320 and {@code 2026-04-01} as a UTC timestamp; both are rejected with a message saying so.
 */
public final class ScheduleFormat {

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private ScheduleFormat() {}

  /**
   * @throws InvalidScheduleException listing every problem, each naming its field
   */
  public static Schedule parse(Map<String, ?> map) {
    return parse(map, "");
  }

  /**
   * @param path where the map sits, prefixed to the field names in messages ({@code schedule} gives
   *     {@code schedule.times[0].end: …}); empty for none
   * @throws InvalidScheduleException listing every problem, each naming its field
   */
  public static Schedule parse(Map<String, ?> map, String path) {
    return new ScheduleReader(path).read(map);
  }

  /** The map form of {@code schedule}: strings, lists and maps only; {@link #parse} reads it back equal. */
  public static Map<String, Object> format(Schedule schedule) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (schedule instanceof OneOff oneOff) {
      map.put("start", oneOff.start().toString());
      map.put("end", oneOff.end().toString());
      return map;
    }
    Recurring recurring = (Recurring) schedule;
    if (!recurring.times().isEmpty()) {
      List<Map<String, Object>> times = new ArrayList<>();
      for (TimeRange range : recurring.times()) {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("start", range.start());
        time.put("end", range.end());
        times.add(time);
      }
      map.put("times", times);
    }
    putIfAny(map, "weekdays", runs(recurring.weekdays(), DayOfWeek.values(), ScheduleFormat::name));
    putIfAny(map, "days_of_month", recurring.daysOfMonth().stream().map(r -> range(r.first(), r.last())).toList());
    putIfAny(map, "months", runs(recurring.months(), Month.values(), ScheduleFormat::name));
    putIfAny(map, "years", recurring.years().stream().map(r -> range(r.first(), r.last())).toList());
    map.put("time_zone", recurring.zone().getId());
    recurring.from().ifPresent(from -> map.put("from", from.toString()));
    recurring.until().ifPresent(until -> map.put("until", until.toString()));
    return map;
  }

  /**
   * Minutes since midnight of {@code HH:MM}.
   *
   * @param end whether {@code 24:00} is allowed
   * @throws IllegalArgumentException saying what a time of day looks like
   */
  static int minuteOfDay(String text, boolean end) {
    Matcher matcher = TIME.matcher(text.strip());
    String allowed = end ? "00:00 to 24:00" : "00:00 to 23:59";
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day HH:MM (" + allowed + ")");
    }
    int hour = Integer.parseInt(matcher.group(1));
    int minute = Integer.parseInt(matcher.group(2));
    boolean midnightAtEnd = end && hour == 24 && minute == 0;
    if (!midnightAtEnd && (hour > 23 || minute > 59)) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day (" + allowed + ")");
    }
    return hour * 60 + minute;
  }

  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static void putIfAny(Map<String, Object> map, String key, List<String> values) {
    if (!values.isEmpty()) {
      map.put(key, values);
    }
  }

  private static String range(int first, int last) {
    return first == last ? Integer.toString(first) : first + ":" + last;
  }

  /** Consecutive members as {@code first:last} ranges, single ones by name, in calendar order. */
  private static <E extends Enum<E>> List<String> runs(Set<E> members, E[] all, Function<E, String> name) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < all.length) {
      if (!members.contains(all[i])) {
        i++;
        continue;
      }
      int last = i;
      while (last + 1 < all.length && members.contains(all[last + 1])) {
        last++;
      }
      runs.add(last == i ? name.apply(all[i]) : name.apply(all[i]) + ":" + name.apply(all[last]));
      i = last + 1;
    }
    return runs;
  }
}
