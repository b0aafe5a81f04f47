package org.leitwarte.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People, teams, schedules and escalation policies, as loaded from {@code oncall.yaml} and the store. */
public interface OnCallDirectory {

  Optional<Person> person(String id);

  Optional<Team> team(String id);

  Optional<EscalationPolicy> policy(String id);

  /** Who is on call in the schedule at {@code at} (layers and overrides applied); empty if nobody. */
  List<Person> onCall(String schedule, Instant at);

  /** The people a target stands for at {@code at}. */
  default List<Person> resolve(EscalationPolicy.Target target, Instant at) {
    if (target instanceof EscalationPolicy.Target.OnCall onCall) {
      return onCall(onCall.schedule(), at);
    } else if (target instanceof EscalationPolicy.Target.OnePerson one) {
      return person(one.person()).map(List::of).orElse(List.of());
    }
    String teamId = ((EscalationPolicy.Target.WholeTeam) target).team();
    return team(teamId).map(team -> team.members().stream().flatMap(id -> person(id).stream()).toList()).orElse(List.of());
  }
}
