package org.leitwarte.alerting.history;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.AlertState;

/**
 * Which alerts {@link AlertRepository#list} returns, newest first (by when they entered their state).
 *
 * @param states empty: every state
 * @param limit 1 to {@link #MAX_LIMIT}
 */
public record AlertQuery(
    Set<AlertState> states, Optional<String> tenant, Optional<String> device, Optional<String> rule, int limit) {

  public static final int DEFAULT_LIMIT = 500;
  public static final int MAX_LIMIT = 10_000;

  public AlertQuery {
    states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(rule, "rule");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Every alert, up to {@link #DEFAULT_LIMIT}. */
  public static AlertQuery all() {
    return new AlertQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }

  public AlertQuery withStates(AlertState... states) {
    return new AlertQuery(Set.copyOf(List.of(states)), tenant, device, rule, limit);
  }

  public AlertQuery withTenant(String tenant) {
    return new AlertQuery(states, Optional.of(tenant), device, rule, limit);
  }

  public AlertQuery withDevice(String device) {
    return new AlertQuery(states, tenant, Optional.of(device), rule, limit);
  }

  public AlertQuery withRule(String rule) {
    return new AlertQuery(states, tenant, device, Optional.of(rule), limit);
  }

  public AlertQuery withLimit(int limit) {
    return new AlertQuery(states, tenant, device, rule, limit);
  }
}
