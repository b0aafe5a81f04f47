package org.leitwarte.incident.oncall;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who of a team is on call when: layers of rotations (a later layer wins wherever it has someone, as in
 * PagerDuty) and overrides on top of all layers (a later override wins where two overlap).
 *
 * @param team the team the schedule belongs to, if any (for the UI)
 * @param zone the wall clock that daily and weekly hand-overs and restrictions follow
 * @param overrides those written in {@code oncall.yaml}; those made at run time are kept in the store
 */
public record OnCallSchedule(
    String id, String name, Optional<String> team, ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides) {

  public OnCallSchedule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(zone, "zone");
    layers = List.copyOf(layers);
    overrides = List.copyOf(overrides);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("schedule '" + id + "' has no layers");
    }
  }
}
