package org.leitwarte.incident.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When a layer hands over to the next person. Turn 0 begins at the first hand-over, turn {@code k} at
 * the {@code k}-th after it; before the first hand-over the layer has nobody.
 *
 * <p>{@link Daily} and {@link Weekly} hand over at a wall-clock time in the schedule's zone, so a week
 * that contains a clock change is an hour shorter or longer in absolute time, and Monday 09:00 stays
 * Monday 09:00. {@link Custom} turns have a fixed length in absolute time from their start instant.
 */
public sealed interface Rotation permits Rotation.Daily, Rotation.Weekly, Rotation.Custom {

  /** The turn running at {@code at}; {@code -1} before the first hand-over. */
  long turn(Instant at, ZoneId zone);

  /** The instant turn {@code turn} (0 or more) begins. */
  Instant handover(long turn, ZoneId zone);

  /** The hand-overs strictly after {@code from} and before {@code to}, in order. */
  default List<Instant> handovers(Instant from, Instant to, ZoneId zone) {
    List<Instant> handovers = new ArrayList<>();
    for (long turn = Math.max(0, turn(from, zone) + 1); ; turn++) {
      Instant handover = handover(turn, zone);
      if (!handover.isBefore(to)) {
        return handovers;
      }
      if (handover.isAfter(from)) {
        handovers.add(handover);
      }
    }
  }

  /** Every day at {@code time}, the first time on {@code start}. */
  record Daily(LocalTime time, LocalDate start) implements Rotation {

    public Daily {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(start, "start");
    }

    @Override
    public long turn(Instant at, ZoneId zone) {
      return wallClockTurn(this, at, zone, start, 1);
    }

    @Override
    public Instant handover(long turn, ZoneId zone) {
      return WallClock.first(start.plusDays(turn).atTime(time), zone);
    }
  }

  /** Every week on {@code day} at {@code time}, the first time on {@code start} (which is a {@code day}). */
  record Weekly(DayOfWeek day, LocalTime time, LocalDate start) implements Rotation {

    public Weekly {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(start, "start");
      if (start.getDayOfWeek() != day) {
        throw new IllegalArgumentException("start: " + start + " is a " + ScheduleText.weekday(start.getDayOfWeek())
            + ", not a " + ScheduleText.weekday(day) + " (the hand-over day)");
      }
    }

    @Override
    public long turn(Instant at, ZoneId zone) {
      return wallClockTurn(this, at, zone, start, 7);
    }

    @Override
    public Instant handover(long turn, ZoneId zone) {
      return WallClock.first(start.plusWeeks(turn).atTime(time), zone);
    }
  }

  /** Turns of {@code length} (absolute time, at least a minute) from {@code start}. */
  record Custom(Instant start, Duration length) implements Rotation {

    public Custom {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(length, "length");
      if (length.compareTo(Duration.ofMinutes(1)) < 0) {
        throw new IllegalArgumentException("length: must be at least 1m, got " + length);
      }
    }

    @Override
    public long turn(Instant at, ZoneId zone) {
      long turn = Math.floorDiv(Duration.between(start, at).toMillis(), length.toMillis());
      return turn < 0 ? -1 : turn;
    }

    @Override
    public Instant handover(long turn, ZoneId zone) {
      return start.plus(length.multipliedBy(turn));
    }
  }

  /** The turn of a rotation that hands over every {@code days} days on the wall clock. */
  private static long wallClockTurn(Rotation rotation, Instant at, ZoneId zone, LocalDate start, int days) {
    long elapsed = ChronoUnit.DAYS.between(start, LocalDate.ofInstant(at, zone));
    long turn = Math.floorDiv(elapsed, days);
    // On the day of a hand-over, before its time, the previous turn still runs.
    if (rotation.handover(turn, zone).isAfter(at)) {
      turn--;
    }
    return turn < 0 ? -1 : turn;
  }
}
