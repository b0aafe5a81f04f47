package org.leitwarte.ticket;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which tickets a list asks for, the queue's order: open ones first, oldest first.
 *
 * @param statuses empty: every status
 */
public record TicketQuery(Set<TicketStatus> statuses, Optional<String> tenant, Optional<String> assignee, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public TicketQuery {
    statuses = Set.copyOf(statuses);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(assignee, "assignee");
  }

  public static TicketQuery all() {
    return new TicketQuery(Set.of(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }

  public TicketQuery withTenant(String tenant) {
    return new TicketQuery(statuses, Optional.of(tenant), assignee, limit);
  }
}
