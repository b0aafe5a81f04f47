package org.leitwarte.incident.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.leitwarte.incident.oncall.Shift.Source;

/**
 * Who is on call in a schedule, at one instant or over a range: overrides first (the last one listed
 * that covers the instant), then the layers from the last to the first (the first that has someone).
 * Pure: java.time only.
 */
public final class OnCallTimeline {

  /** The longest range {@link #shifts} computes, to bound the work an API request can cause. */
  public static final Duration MAX_RANGE = Duration.ofDays(400);

  private OnCallTimeline() {}

  /** Who is on call at {@code at} by the schedule's layers and its own overrides. */
  public static Optional<String> whoIsOnCall(OnCallSchedule schedule, Instant at) {
    return whoIsOnCall(schedule, List.of(), at);
  }

  /**
   * Who is on call at {@code at}.
   *
   * @param extraOverrides overrides beyond the schedule's own (those from the store); they come after the
   *     schedule's own, so they win where both cover {@code at}
   */
  public static Optional<String> whoIsOnCall(OnCallSchedule schedule, List<ScheduleOverride> extraOverrides, Instant at) {
    return assignment(schedule, extraOverrides, at).map(Assignment::person);
  }

  /** The timeline by the schedule's layers and its own overrides. */
  public static List<Shift> shifts(OnCallSchedule schedule, Instant from, Instant to) {
    return shifts(schedule, List.of(), from, to);
  }

  /**
   * The final on-call timeline from {@code from} (inclusive) to {@code to} (exclusive), in order: shifts
   * do not overlap, the first starts no earlier than {@code from} and the last ends no later than {@code
   * to}, and times nobody is on call are left out. A shift ends where the person or the reason changes.
   *
   * @throws IllegalArgumentException when {@code to} is not after {@code from} or the range is longer
   *     than {@link #MAX_RANGE}
   */
  public static List<Shift> shifts(OnCallSchedule schedule, List<ScheduleOverride> extraOverrides, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to: must be after from (" + from + "), got " + to);
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException("the range must not be longer than " + MAX_RANGE.toDays() + " days");
    }
    // Between two consecutive boundaries nothing changes, so each piece is judged at its start.
    TreeSet<Instant> boundaries = new TreeSet<>(List.of(from, to));
    for (Layer layer : schedule.layers()) {
      boundaries.addAll(layer.boundaries(from, to, schedule.zone()));
    }
    for (ScheduleOverride override : all(schedule, extraOverrides)) {
      for (Instant instant : List.of(override.start(), override.end())) {
        if (instant.isAfter(from) && instant.isBefore(to)) {
          boundaries.add(instant);
        }
      }
    }
    List<Shift> shifts = new ArrayList<>();
    Instant start = boundaries.pollFirst();
    for (Instant end : boundaries) {
      Optional<Assignment> assignment = assignment(schedule, extraOverrides, start);
      if (assignment.isPresent()) {
        append(shifts, new Shift(assignment.get().person(), start, end, assignment.get().source()));
      }
      start = end;
    }
    return shifts;
  }

  private static void append(List<Shift> shifts, Shift shift) {
    if (!shifts.isEmpty()) {
      Shift last = shifts.get(shifts.size() - 1);
      if (last.end().equals(shift.start()) && last.person().equals(shift.person()) && last.source().equals(shift.source())) {
        shifts.set(shifts.size() - 1, new Shift(last.person(), last.start(), shift.end(), last.source()));
        return;
      }
    }
    shifts.add(shift);
  }

  private static Optional<Assignment> assignment(OnCallSchedule schedule, List<ScheduleOverride> extraOverrides, Instant at) {
    List<ScheduleOverride> overrides = all(schedule, extraOverrides);
    for (int i = overrides.size() - 1; i >= 0; i--) {
      ScheduleOverride override = overrides.get(i);
      if (override.covers(at)) {
        return Optional.of(new Assignment(override.person(), new Source.FromOverride(override.reason())));
      }
    }
    List<Layer> layers = schedule.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Layer layer = layers.get(i);
      Optional<String> person = layer.personAt(at, schedule.zone());
      if (person.isPresent()) {
        return Optional.of(new Assignment(person.get(), new Source.FromLayer(layer.name())));
      }
    }
    return Optional.empty();
  }

  private static List<ScheduleOverride> all(OnCallSchedule schedule, List<ScheduleOverride> extraOverrides) {
    if (extraOverrides.isEmpty()) {
      return schedule.overrides();
    }
    List<ScheduleOverride> all = new ArrayList<>(schedule.overrides());
    all.addAll(extraOverrides);
    return all;
  }

  private record Assignment(String person, Source source) {}
}
