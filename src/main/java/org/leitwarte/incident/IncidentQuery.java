package org.leitwarte.incident;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which incidents a list asks for, newest first.
 *
 * @param states empty: every state
 */
public record IncidentQuery(Set<IncidentState> states, Optional<String> tenant, Optional<String> team, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public IncidentQuery {
    states = Set.copyOf(states);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(team, "team");
  }

  public static IncidentQuery open() {
    return new IncidentQuery(Set.of(IncidentState.TRIGGERED, IncidentState.ACKNOWLEDGED), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }

  public IncidentQuery withTenant(String tenant) {
    return new IncidentQuery(states, Optional.of(tenant), team, limit);
  }
}
