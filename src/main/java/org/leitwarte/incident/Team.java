package org.leitwarte.incident;

import java.util.List;
import java.util.Optional;

/**
 * A group of specialists (network, Fachverfahren X, data centre) that incidents are routed to.
 *
 * @param members person ids
 * @param policy the escalation policy used when a route names only the team
 */
public record Team(String id, String name, List<String> members, Optional<String> policy) {

  public Team {
    members = List.copyOf(members);
  }
}
