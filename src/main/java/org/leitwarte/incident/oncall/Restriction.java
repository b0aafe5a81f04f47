package org.leitwarte.incident.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The times a layer covers: the {@code times} of the {@code weekdays}, on the wall clock of the
 * schedule's zone. No weekdays: every day; no times: the whole day. A time range whose end is before its
 * start ({@code 20:00–08:00}) belongs to the day it starts on and ends on the next, so {@code weekdays:
 * [saturday, sunday], times: 20:00–08:00} covers Saturday 20:00 to Sunday 08:00 and Sunday 20:00 to
 * Monday 08:00. At least one of the two is given.
 */
public record Restriction(Set<DayOfWeek> weekdays, List<TimeRange> times) {

  public Restriction {
    weekdays = weekdays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
    times = times.stream().sorted(Comparator.comparingInt(TimeRange::startMinute)).toList();
    if (weekdays.isEmpty() && times.isEmpty()) {
      throw new IllegalArgumentException("a restriction names neither weekdays nor times");
    }
  }

  /** Whether the layer covers {@code at}. */
  public boolean covers(Instant at, ZoneId zone) {
    // A range that spans midnight started the day before.
    LocalDate today = LocalDate.ofInstant(at, zone);
    for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      for (Interval interval : intervals(day, zone)) {
        if (!at.isBefore(interval.start()) && at.isBefore(interval.end())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every instant strictly between {@code from} and {@code to} at which coverage may begin or end. */
  List<Instant> boundaries(Instant from, Instant to, ZoneId zone) {
    List<Instant> boundaries = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      for (Interval interval : intervals(day, zone)) {
        for (Instant instant : List.of(interval.start(), interval.end())) {
          if (instant.isAfter(from) && instant.isBefore(to)) {
            boundaries.add(instant);
          }
        }
      }
    }
    return boundaries;
  }

  /** The day's covered intervals; none on a weekday not listed. */
  private List<Interval> intervals(LocalDate day, ZoneId zone) {
    if (!weekdays.isEmpty() && !weekdays.contains(day.getDayOfWeek())) {
      return List.of();
    }
    if (times.isEmpty()) {
      return List.of(new Interval(
          WallClock.first(day.atStartOfDay(), zone), WallClock.last(day.plusDays(1).atStartOfDay(), zone)));
    }
    List<Interval> intervals = new ArrayList<>(times.size());
    for (TimeRange range : times) {
      LocalDateTime start = day.atStartOfDay().plusMinutes(range.startMinute());
      LocalDate endDay = range.spansMidnight() ? day.plusDays(1) : day;
      LocalDateTime end = endDay.atStartOfDay().plusMinutes(range.endMinute());
      intervals.add(new Interval(WallClock.first(start, zone), WallClock.last(end, zone)));
    }
    return intervals;
  }

  /**
   * A range of the day in minutes since midnight, {@code start} inclusive, {@code end} exclusive
   * ({@code 1440} is 24:00); {@code end < start} spans midnight.
   */
  public record TimeRange(int startMinute, int endMinute) {

    public TimeRange {
      if (startMinute < 0 || startMinute >= ScheduleText.MINUTES_PER_DAY) {
        throw new IllegalArgumentException("start: must be 00:00–23:59, got minute " + startMinute);
      }
      if (endMinute < 0 || endMinute > ScheduleText.MINUTES_PER_DAY) {
        throw new IllegalArgumentException("end: must be 00:00–24:00, got minute " + endMinute);
      }
      if (startMinute == endMinute) {
        throw new IllegalArgumentException("end: must differ from start (" + ScheduleText.time(startMinute) + ")");
      }
    }

    /** From {@code HH:MM} texts; the end may be {@code 24:00}. */
    public static TimeRange parse(String start, String end) {
      return new TimeRange(ScheduleText.minuteOfDay(start, false), ScheduleText.minuteOfDay(end, true));
    }

    public boolean spansMidnight() {
      return endMinute < startMinute;
    }

    public String start() {
      return ScheduleText.time(startMinute);
    }

    public String end() {
      return ScheduleText.time(endMinute);
    }
  }

  private record Interval(Instant start, Instant end) {}
}
