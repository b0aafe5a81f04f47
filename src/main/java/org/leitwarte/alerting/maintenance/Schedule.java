package org.leitwarte.alerting.maintenance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a maintenance window is in effect: once ({@link OneOff}) or again and again ({@link Recurring},
 * modelled on Alertmanager's {@code time_intervals}). The map form for YAML and JSON is {@link
 * ScheduleFormat}.
 */
public sealed interface Schedule permits Schedule.OneOff, Schedule.Recurring {

  /** The zone of a recurring schedule that names none: the cooperative's. */
  ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

  /** Whether the window is in effect at {@code now}. */
  boolean isActive(Instant now);

  /**
   * The next moment, strictly after {@code after}, at which the window goes from not in effect to in
   * effect; empty when it never will (over, or in effect without a break). For the UI.
   */
  Optional<Instant> nextStart(Instant after);

  /** When the schedule is over for good; empty when it never is. */
  Optional<Instant> endsAt();

  /** In effect from {@code start} (inclusive) to {@code end} (exclusive). */
  record OneOff(Instant start, Instant end) implements Schedule {

    public OneOff {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("end: must be after start (" + start + "), got " + end);
      }
    }

    @Override
    public boolean isActive(Instant now) {
      return !now.isBefore(start) && now.isBefore(end);
    }

    @Override
    public Optional<Instant> nextStart(Instant after) {
      return start.isAfter(after) ? Optional.of(start) : Optional.empty();
    }

    @Override
    public Optional<Instant> endsAt() {
      return Optional.of(end);
    }
  }

  /**
   * In effect on every day that matches all the day filters, during the {@code times} of that day, in
   * the wall-clock time of {@code zone}, and only between {@code from} (inclusive) and {@code until}
   * (exclusive). An empty filter matches every day; empty {@code times} mean the whole day. A time range
   * whose end is before its start (22:00–02:00) spans midnight: it belongs to the day it starts on and
   * ends on the next.
   *
   * <p>Clock changes: a window covers the wall-clock times of its range that exist. On the night the
   * clocks spring forward (Europe/Berlin: 02:00 becomes 03:00), a window that starts in the skipped hour
   * starts when the clock jumps (02:30–04:00 runs 03:00–04:00), and one lying wholly in it (02:00–03:00)
   * does not happen that night. On the night they fall back (03:00 becomes 02:00), a window that starts
   * or ends in the repeated hour starts the first time and ends the second time the clock shows that
   * time, so 02:00–03:00 lasts two hours.
   *
   * @param times time-of-day ranges; empty: the whole day
   * @param weekdays empty: every day of the week
   * @param daysOfMonth ranges of days, negative counting from the month's end ({@code -1} is the last day)
   * @param months empty: every month
   * @param years ranges of years; empty: every year
   */
  record Recurring(
      List<TimeRange> times,
      Set<DayOfWeek> weekdays,
      List<DayRange> daysOfMonth,
      Set<Month> months,
      List<YearRange> years,
      ZoneId zone,
      Optional<Instant> from,
      Optional<Instant> until)
      implements Schedule {

    public Recurring {
      times = times.stream().sorted(Comparator.comparingInt(TimeRange::startMinute)).toList();
      weekdays = weekdays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
      daysOfMonth = List.copyOf(daysOfMonth);
      months = months.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(months));
      years = List.copyOf(years);
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
        throw new IllegalArgumentException("until: must be after from (" + from.get() + "), got " + until.get());
      }
    }

    /** Every week on {@code day}, from {@code start} to {@code end} ({@code HH:MM}) in {@code zone}. */
    public static Recurring weekly(DayOfWeek day, String start, String end, ZoneId zone) {
      return new Recurring(
          List.of(TimeRange.parse(start, end)), Set.of(day), List.of(), Set.of(), List.of(), zone,
          Optional.empty(), Optional.empty());
    }

    /** Every day from {@code start} to {@code end} ({@code HH:MM}) in {@code zone}. */
    public static Recurring daily(String start, String end, ZoneId zone) {
      return new Recurring(
          List.of(TimeRange.parse(start, end)), Set.of(), List.of(), Set.of(), List.of(), zone,
          Optional.empty(), Optional.empty());
    }

    /** The same schedule, in effect only from {@code from} (inclusive) to {@code until} (exclusive). */
    public Recurring between(Optional<Instant> from, Optional<Instant> until) {
      return new Recurring(times, weekdays, daysOfMonth, months, years, zone, from, until);
    }

    @Override
    public boolean isActive(Instant now) {
      return Occurrences.of(this).isActive(now);
    }

    @Override
    public Optional<Instant> nextStart(Instant after) {
      return Occurrences.of(this).nextStart(after);
    }

    @Override
    public Optional<Instant> endsAt() {
      return until;
    }
  }

  /**
   * A range of the day in minutes since midnight, {@code start} inclusive, {@code end} exclusive ({@code
   * 1440} is 24:00). {@code end < start} spans midnight into the next day.
   */
  record TimeRange(int startMinute, int endMinute) {

    static final int MINUTES_PER_DAY = 24 * 60;

    public TimeRange {
      if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
        throw new IllegalArgumentException("start: must be 00:00–23:59, got minute " + startMinute);
      }
      if (endMinute < 0 || endMinute > MINUTES_PER_DAY) {
        throw new IllegalArgumentException("end: must be 00:00–24:00, got minute " + endMinute);
      }
      if (startMinute == endMinute) {
        throw new IllegalArgumentException("end: must differ from start (" + text(startMinute) + ")");
      }
    }

    /**
     * @param start {@code HH:MM}, 00:00–23:59
     * @param end {@code HH:MM}, 00:00–24:00
     */
    public static TimeRange parse(String start, String end) {
      return new TimeRange(ScheduleFormat.minuteOfDay(start, false), ScheduleFormat.minuteOfDay(end, true));
    }

    public boolean spansMidnight() {
      return endMinute < startMinute;
    }

    public String start() {
      return text(startMinute);
    }

    public String end() {
      return text(endMinute);
    }

    private static String text(int minute) {
      return String.format("%02d:%02d", minute / 60, minute % 60);
    }
  }

  /**
   * Days of the month {@code first} to {@code last}, both inclusive; negative values count from the end
   * of the month ({@code -1} is the last day), as in Alertmanager. In a month too short for {@code
   * first}, the range matches nothing; {@code last} is clamped to the month's length.
   */
  record DayRange(int first, int last) {

    public DayRange {
      if (first == 0 || first < -31 || first > 31) {
        throw new IllegalArgumentException(first + " is not a day of the month (1 to 31, or -1 to -31 from the end)");
      }
      if (last == 0 || last < -31 || last > 31) {
        throw new IllegalArgumentException(last + " is not a day of the month (1 to 31, or -1 to -31 from the end)");
      }
      if (first < 0 && last > 0) {
        throw new IllegalArgumentException("a range starting from the end of the month must end there too, got "
            + first + ":" + last);
      }
      // Compared in the longest month: a range empty even there is empty in every month.
      int firstInLongMonth = first < 0 ? 32 + first : first;
      int lastInLongMonth = last < 0 ? 32 + last : last;
      if (firstInLongMonth > lastInLongMonth) {
        throw new IllegalArgumentException("day " + last + " is before day " + first);
      }
    }

    boolean contains(int dayOfMonth, int lengthOfMonth) {
      int begin = first < 0 ? lengthOfMonth + first + 1 : first;
      int end = last < 0 ? lengthOfMonth + last + 1 : last;
      return begin <= lengthOfMonth && dayOfMonth >= begin && dayOfMonth <= Math.min(end, lengthOfMonth);
    }
  }

  /** Years {@code first} to {@code last}, both inclusive. */
  record YearRange(int first, int last) {

    public YearRange {
      if (first < 1 || first > 9999 || last < 1 || last > 9999) {
        throw new IllegalArgumentException("years must be 1 to 9999, got " + first + ":" + last);
      }
      if (last < first) {
        throw new IllegalArgumentException("year " + last + " is before year " + first);
      }
    }

    boolean contains(int year) {
      return year >= first && year <= last;
    }
  }
}
