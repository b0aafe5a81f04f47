package org.leitwarte.incident.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rotation of a schedule: {@code people} take turns (turn 0: the first, then the next, …, then the
 * first again), handing over as the {@code rotation} says, and only during the {@code restriction} if
 * there is one.
 *
 * @param people person ids, in rotation order; one person may appear more than once
 */
public record Layer(String name, Rotation rotation, List<String> people, Optional<Restriction> restriction) {

  public Layer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(restriction, "restriction");
    people = List.copyOf(people);
    if (people.isEmpty()) {
      throw new IllegalArgumentException("layer '" + name + "': people: the rotation has nobody in it");
    }
  }

  /** Who this layer has on call at {@code at}; empty before its first hand-over and outside its restriction. */
  public Optional<String> personAt(Instant at, ZoneId zone) {
    if (restriction.isPresent() && !restriction.get().covers(at, zone)) {
      return Optional.empty();
    }
    long turn = rotation.turn(at, zone);
    return turn < 0 ? Optional.empty() : Optional.of(people.get((int) (turn % people.size())));
  }

  /** Every instant strictly between {@code from} and {@code to} at which this layer's answer may change. */
  List<Instant> boundaries(Instant from, Instant to, ZoneId zone) {
    List<Instant> boundaries = new ArrayList<>(rotation.handovers(from, to, zone));
    restriction.ifPresent(r -> boundaries.addAll(r.boundaries(from, to, zone)));
    return boundaries;
  }
}
