package org.leitwarte.incident.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leitwarte.config.Durations;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;

/**
 * Reads one entry of {@code escalation_policies:} in {@code oncall.yaml}. The first level is notified at
 * once and takes no delay; every later level waits its delay (at least a minute) after the one before.
 */
final class PolicyReader {

  static final Duration MIN_DELAY = Duration.ofMinutes(1);
  static final int MAX_REPEAT = 10;

  private final OnCallRefs refs;

  PolicyReader(OnCallRefs refs) {
    this.refs = refs;
  }

  Optional<EscalationPolicy> read(YamlMap map, Optional<String> id) {
    String name = map.string("name", id.orElse(""));
    int repeat = map.integer("repeat", 0, MAX_REPEAT, 0);
    List<YamlMap> levelMaps = map.mapList("levels");
    if (!map.has("levels")) {
      map.missing("levels", "a policy needs at least one level");
    } else if (levelMaps.isEmpty()) {
      map.problem("levels", "a policy needs at least one level");
    }
    List<Level> levels = new ArrayList<>();
    for (int i = 0; i < levelMaps.size(); i++) {
      readLevel(levelMaps.get(i), i).ifPresent(levels::add);
    }
    if (id.isEmpty() || levels.isEmpty() || levels.size() != levelMaps.size()) {
      return Optional.empty();
    }
    return Optional.of(new EscalationPolicy(id.get(), name, levels, repeat));
  }

  private Optional<Level> readLevel(YamlMap map, int index) {
    Duration delay;
    if (index == 0) {
      delay = map.value("delay", Durations::parse, Duration.ZERO);
      if (!delay.isZero()) {
        map.problem("delay", "the first level is notified at once; put the wait on the next level");
      }
      delay = Duration.ZERO;
    } else {
      delay = map.required("delay", YamlParsers.duration(MIN_DELAY));
    }
    List<YamlMap> targetMaps = map.mapList("targets");
    if (!map.has("targets")) {
      map.missing("targets", "whom the level notifies");
    } else if (targetMaps.isEmpty()) {
      map.problem("targets", "a level needs at least one target");
    }
    List<Target> targets = new ArrayList<>();
    for (YamlMap target : targetMaps) {
      readTarget(target).ifPresent(targets::add);
    }
    if (delay == null || targets.isEmpty() || targets.size() != targetMaps.size()) {
      return Optional.empty();
    }
    return Optional.of(new Level(delay, targets));
  }

  private Optional<Target> readTarget(YamlMap map) {
    Optional<String> schedule = map.optionalString("schedule");
    Optional<String> person = map.optionalString("person");
    Optional<String> team = map.optionalString("team");
    int given = (schedule.isPresent() ? 1 : 0) + (person.isPresent() ? 1 : 0) + (team.isPresent() ? 1 : 0);
    if (given != 1) {
      map.report("expected exactly one of schedule, person or team");
      return Optional.empty();
    }
    if (schedule.isPresent()) {
      return OnCallRefs.check(map, "schedule", "schedule", schedule.get(), refs.schedules)
          ? Optional.of(new Target.OnCall(schedule.get()))
          : Optional.empty();
    }
    if (person.isPresent()) {
      return OnCallRefs.check(map, "person", "person", person.get(), refs.people)
          ? Optional.of(new Target.OnePerson(person.get()))
          : Optional.empty();
    }
    return OnCallRefs.check(map, "team", "team", team.get(), refs.teams)
        ? Optional.of(new Target.WholeTeam(team.get()))
        : Optional.empty();
  }
}
