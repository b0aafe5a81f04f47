package org.leitwarte.incident.oncall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;

/**
 * Everything in {@code oncall.yaml}: people, teams, schedules and escalation policies, in file order,
 * with every reference between them checked.
 *
 * @param webhooks each person's webhook as written (a URL, or a {@code ${env:…}}/{@code ${file:…}}
 *     reference, since chat webhooks carry a token): the store keeps this form, never a resolved value.
 *     {@link Person#webhook()} holds the resolved URL.
 */
public record OnCallConfig(
    List<Person> people,
    List<Team> teams,
    List<OnCallSchedule> schedules,
    List<EscalationPolicy> policies,
    Map<String, Secret> webhooks) {

  public static final OnCallConfig EMPTY = new OnCallConfig(List.of(), List.of(), List.of(), List.of(), Map.of());

  public OnCallConfig {
    people = List.copyOf(people);
    teams = List.copyOf(teams);
    schedules = List.copyOf(schedules);
    policies = List.copyOf(policies);
    webhooks = Map.copyOf(webhooks);
  }

  public Optional<Person> person(String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Team> team(String id) {
    return teams.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<OnCallSchedule> schedule(String id) {
    return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<EscalationPolicy> policy(String id) {
    return policies.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The people by id, in file order. */
  public Map<String, Person> peopleById() {
    Map<String, Person> byId = new LinkedHashMap<>();
    people.forEach(p -> byId.put(p.id(), p));
    return byId;
  }
}
