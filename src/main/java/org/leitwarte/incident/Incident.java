package org.leitwarte.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem someone must take care of: a group of alerts (by the route's {@code group_by}),
 * routed to a team and its escalation policy.
 *
 * @param groupKey route id and the values of its {@code group_by} labels; one open incident per key
 * @param groupLabels the {@code group_by} labels and their values ({@code tenant}, {@code site}, …)
 * @param tenant the municipality it concerns, for tenant isolation (empty for Leitwarte's own)
 * @param alerts how many alerts it has had in all
 * @param firingAlerts how many of them fire now
 */
public record Incident(
    long id,
    String groupKey,
    String title,
    IncidentState state,
    String severity,
    String team,
    String policy,
    Map<String, String> groupLabels,
    String tenant,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> acknowledgedBy,
    Optional<Instant> acknowledgedAt,
    Optional<String> assignee,
    Optional<Instant> resolvedAt,
    int alerts,
    int firingAlerts) {

  public Incident {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(state, "state");
    groupLabels = Map.copyOf(groupLabels);
  }

  /** A short reference for subjects and replies: {@code LW-42}. */
  public String reference() {
    return "LW-" + id;
  }
}
