package org.leitwarte.alerting.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.maintenance.Schedule.DayRange;
import org.leitwarte.alerting.maintenance.Schedule.Recurring;
import org.leitwarte.alerting.maintenance.Schedule.TimeRange;
import org.leitwarte.alerting.maintenance.Schedule.YearRange;

/**
 * The calendar arithmetic of a {@link Recurring} schedule: which days match, and the instants each day's
 * time ranges start and end at, across clock changes (see {@link Recurring} for the rules).
 */
final class Occurrences {

  /**
   * How far {@link #nextStart} looks ahead. Every combination of weekday, day of month and month repeats
   * within 28 years (the cycle of 29 February falling on the same weekday).
   */
  private static final int SEARCH_YEARS = 30;

  private final Recurring schedule;
  private final ZoneRules rules;

  private Occurrences(Recurring schedule) {
    this.schedule = schedule;
    this.rules = schedule.zone().getRules();
  }

  static Occurrences of(Recurring schedule) {
    return new Occurrences(schedule);
  }

  boolean isActive(Instant now) {
    if (schedule.from().isPresent() && now.isBefore(schedule.from().get())) {
      return false;
    }
    if (schedule.until().isPresent() && !now.isBefore(schedule.until().get())) {
      return false;
    }
    // A range that spans midnight started the day before.
    LocalDate today = LocalDate.ofInstant(now, schedule.zone());
    for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      if (matches(day)) {
        for (Interval interval : intervals(day)) {
          if (interval.contains(now)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  Optional<Instant> nextStart(Instant after) {
    Optional<Instant> from = schedule.from().filter(f -> f.isAfter(after));
    // Validity beginning in the middle of an occurrence starts the window there.
    if (from.isPresent() && isActive(from.get())) {
      return from;
    }
    Instant lower = from.orElse(after);
    LocalDate day = LocalDate.ofInstant(lower, schedule.zone()).minusDays(1);
    LocalDate last = lastDayToSearch(day);
    while (!day.isAfter(last)) {
      if (!yearMatches(day.getYear())) {
        day = day.plusYears(1).withDayOfYear(1);
      } else if (!monthMatches(day.getMonth())) {
        day = day.plusMonths(1).withDayOfMonth(1);
      } else {
        if (matches(day)) {
          for (Interval interval : intervals(day)) {
            Instant start = interval.start();
            if (start.isAfter(after) && isActive(start) && !isActive(start.minusNanos(1))) {
              return Optional.of(start);
            }
          }
        }
        day = day.plusDays(1);
      }
    }
    return Optional.empty();
  }

  private LocalDate lastDayToSearch(LocalDate first) {
    LocalDate last = first.plusYears(SEARCH_YEARS);
    if (schedule.until().isPresent()) {
      LocalDate untilDay = LocalDate.ofInstant(schedule.until().get(), schedule.zone());
      last = untilDay.isBefore(last) ? untilDay : last;
    }
    if (!schedule.years().isEmpty()) {
      int lastYear = schedule.years().stream().mapToInt(YearRange::last).max().orElseThrow();
      LocalDate endOfYears = LocalDate.of(lastYear, 12, 31);
      last = endOfYears.isBefore(last) ? endOfYears : last;
    }
    return last;
  }

  private boolean matches(LocalDate day) {
    if (!yearMatches(day.getYear()) || !monthMatches(day.getMonth())) {
      return false;
    }
    if (!schedule.weekdays().isEmpty() && !schedule.weekdays().contains(day.getDayOfWeek())) {
      return false;
    }
    if (schedule.daysOfMonth().isEmpty()) {
      return true;
    }
    for (DayRange range : schedule.daysOfMonth()) {
      if (range.contains(day.getDayOfMonth(), day.lengthOfMonth())) {
        return true;
      }
    }
    return false;
  }

  private boolean yearMatches(int year) {
    if (schedule.years().isEmpty()) {
      return true;
    }
    for (YearRange range : schedule.years()) {
      if (range.contains(year)) {
        return true;
      }
    }
    return false;
  }

  private boolean monthMatches(Month month) {
    return schedule.months().isEmpty() || schedule.months().contains(month);
  }

  /** The day's occurrences as instants, in order; those the clock skips entirely are left out. */
  private List<Interval> intervals(LocalDate day) {
    if (schedule.times().isEmpty()) {
      return List.of(new Interval(firstInstant(day.atStartOfDay()), lastInstant(day.plusDays(1).atStartOfDay())));
    }
    List<Interval> intervals = new ArrayList<>(schedule.times().size());
    for (TimeRange range : schedule.times()) {
      LocalDateTime start = day.atStartOfDay().plusMinutes(range.startMinute());
      LocalDate endDay = range.spansMidnight() ? day.plusDays(1) : day;
      LocalDateTime end = endDay.atStartOfDay().plusMinutes(range.endMinute());
      Interval interval = new Interval(firstInstant(start), lastInstant(end));
      if (interval.start().isBefore(interval.end())) {
        intervals.add(interval);
      }
    }
    return intervals;
  }

  /** The first instant the clock shows {@code time}; the moment it jumps, if it skips {@code time}. */
  private Instant firstInstant(LocalDateTime time) {
    ZoneOffsetTransition transition = rules.getTransition(time);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(time, schedule.zone(), null).withEarlierOffsetAtOverlap().toInstant();
  }

  /** The last instant the clock shows {@code time}; the moment it jumps, if it skips {@code time}. */
  private Instant lastInstant(LocalDateTime time) {
    ZoneOffsetTransition transition = rules.getTransition(time);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(time, schedule.zone(), null).withLaterOffsetAtOverlap().toInstant();
  }

  private record Interval(Instant start, Instant end) {

    boolean contains(Instant instant) {
      return !instant.isBefore(start) && instant.isBefore(end);
    }
  }
}
