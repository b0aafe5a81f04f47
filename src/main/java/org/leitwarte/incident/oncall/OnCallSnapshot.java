package org.leitwarte.incident.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-call directory at one moment: the loaded configuration and the overrides from the store.
 * Immutable; {@link LiveOnCallDirectory} swaps in a new one when either changes. Stored overrides for a
 * schedule or person the configuration no longer has are ignored (and logged once, here).
 */
public final class OnCallSnapshot implements OnCallDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(OnCallSnapshot.class);

  private final OnCallConfig config;
  private final List<StoredOverride> storedOverrides;
  private final Map<String, Person> people;
  private final Map<String, Team> teams = new LinkedHashMap<>();
  private final Map<String, OnCallSchedule> schedules = new LinkedHashMap<>();
  private final Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
  private final Map<String, List<ScheduleOverride>> overridesBySchedule = new LinkedHashMap<>();

  /** @param storedOverrides oldest first: where two overlap, the later one wins */
  public OnCallSnapshot(OnCallConfig config, List<StoredOverride> storedOverrides) {
    this.config = Objects.requireNonNull(config, "config");
    this.people = config.peopleById();
    config.teams().forEach(t -> teams.put(t.id(), t));
    config.schedules().forEach(s -> schedules.put(s.id(), s));
    config.policies().forEach(p -> policies.put(p.id(), p));
    List<StoredOverride> used = new ArrayList<>();
    for (StoredOverride stored : storedOverrides) {
      if (!schedules.containsKey(stored.schedule()) || !people.containsKey(stored.override().person())) {
        LOG.warn("override {} ignored: schedule '{}' or person '{}' is no longer in oncall.yaml",
            stored.id(), stored.schedule(), stored.override().person());
        continue;
      }
      used.add(stored);
      overridesBySchedule.computeIfAbsent(stored.schedule(), s -> new ArrayList<>()).add(stored.override());
    }
    this.storedOverrides = List.copyOf(used);
  }

  /** The configuration alone, without stored overrides. */
  public static OnCallSnapshot of(OnCallConfig config) {
    return new OnCallSnapshot(config, List.of());
  }

  public OnCallSnapshot withOverrides(List<StoredOverride> overrides) {
    return new OnCallSnapshot(config, overrides);
  }

  public OnCallSnapshot withConfig(OnCallConfig newConfig) {
    return new OnCallSnapshot(newConfig, storedOverrides);
  }

  public OnCallConfig config() {
    return config;
  }

  /** The stored overrides in use (those naming a known schedule and person). */
  public List<StoredOverride> storedOverrides() {
    return storedOverrides;
  }

  @Override
  public Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  @Override
  public Optional<Team> team(String id) {
    return Optional.ofNullable(teams.get(id));
  }

  @Override
  public Optional<EscalationPolicy> policy(String id) {
    return Optional.ofNullable(policies.get(id));
  }

  public Optional<OnCallSchedule> schedule(String id) {
    return Optional.ofNullable(schedules.get(id));
  }

  /** The id of who is on call in the schedule at {@code at}; empty if nobody or no such schedule. */
  public Optional<String> whoIsOnCall(String schedule, Instant at) {
    return schedule(schedule).flatMap(s -> OnCallTimeline.whoIsOnCall(s, overrides(schedule), at));
  }

  @Override
  public List<Person> onCall(String schedule, Instant at) {
    return whoIsOnCall(schedule, at).flatMap(this::person).map(List::of).orElse(List.of());
  }

  /**
   * The final timeline of the schedule (see {@link OnCallTimeline#shifts}); empty for an unknown schedule.
   *
   * @throws IllegalArgumentException for an empty range or one longer than {@link OnCallTimeline#MAX_RANGE}
   */
  public List<Shift> shifts(String schedule, Instant from, Instant to) {
    return schedule(schedule).map(s -> OnCallTimeline.shifts(s, overrides(schedule), from, to)).orElse(List.of());
  }

  private List<ScheduleOverride> overrides(String schedule) {
    return overridesBySchedule.getOrDefault(schedule, List.of());
  }
}
