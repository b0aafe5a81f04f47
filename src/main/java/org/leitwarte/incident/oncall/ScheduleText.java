package org.leitwarte.incident.oncall;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of times in {@code oncall.yaml} and in the JSON of the store and the API: weekdays
 * ({@code monday}), times of day ({@code 09:00}, {@code 24:00} as the end of a day), dates and
 * date-times. Parsers throw {@link IllegalArgumentException} with a message for the user.
 */
public final class ScheduleText {

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  static final int MINUTES_PER_DAY = 24 * 60;

  private ScheduleText() {}

  public static String weekday(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT);
  }

  public static DayOfWeek parseWeekday(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (weekday(day).equals(wanted)) {
        return day;
      }
    }
    throw new IllegalArgumentException("expected a weekday (monday … sunday), got '" + text.strip() + "'");
  }

  /** {@code HH:MM} as minutes since midnight, 0 to 1439, or to 1440 ({@code 24:00}) when {@code endOfDay}. */
  public static int minuteOfDay(String text, boolean endOfDay) {
    Matcher matcher = TIME.matcher(text.strip());
    String range = endOfDay ? "00:00–24:00" : "00:00–23:59";
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected a time of day HH:MM (" + range + "), got '" + text.strip() + "'");
    }
    int hour = Integer.parseInt(matcher.group(1));
    int minute = Integer.parseInt(matcher.group(2));
    int total = hour * 60 + minute;
    if (minute > 59 || total > (endOfDay ? MINUTES_PER_DAY : MINUTES_PER_DAY - 1)) {
      throw new IllegalArgumentException("expected a time of day HH:MM (" + range + "), got '" + text.strip() + "'");
    }
    return total;
  }

  public static LocalTime parseTime(String text) {
    return LocalTime.ofSecondOfDay(minuteOfDay(text, false) * 60L);
  }

  public static String time(int minuteOfDay) {
    return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  }

  public static String time(LocalTime time) {
    return time(time.getHour() * 60 + time.getMinute());
  }

  public static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a date YYYY-MM-DD, got '" + text.strip() + "'");
    }
  }

  /**
   * A date-time with offset ({@code 2026-03-02T09:00:00+01:00}, {@code …Z}), or without one
   * ({@code 2026-03-02T09:00}), which is read as wall-clock time in {@code zone}.
   */
  public static Instant parseInstant(String text, ZoneId zone) {
    String trimmed = text.strip();
    try {
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return WallClock.first(LocalDateTime.parse(trimmed), zone);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "expected a date-time like 2026-03-02T09:00:00+01:00 or 2026-03-02T09:00 (in the schedule's time zone), got '"
                + trimmed + "'");
      }
    }
  }

  public static ZoneId parseZone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + text.strip() + "' (expected an IANA zone like Europe/Berlin)");
    }
  }
}
