package org.leitwarte.alerting;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert: a rule and a label set (its identity, {@link #id}), where it is in its life, and
 * whether it may notify.
 *
 * @param id stable fingerprint of rule and labels (the same alert after a restart has the same id)
 * @param labels the sample's tags, the device's labels, the rule's labels, {@code alertname} and
 *     {@code severity}
 * @param annotations language ({@code de}, {@code en}) to annotation name to rendered text
 * @param activeSince when the condition began to hold (start of pending)
 * @param since when the alert entered its current state
 * @param suppressedBy why it must not notify: {@code parent:wr-router}, {@code maintenance:12},
 *     {@code silence:7}; empty when it may
 * @param flapping whether it is held firing because its series keeps changing
 */
public record Alert(
    String id,
    String rule,
    Severity severity,
    AlertState state,
    Map<String, String> labels,
    Map<String, Map<String, String>> annotations,
    Instant activeSince,
    Instant since,
    Optional<Double> value,
    Optional<String> suppressedBy,
    boolean flapping) {

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(activeSince, "activeSince");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(suppressedBy, "suppressedBy");
  }

  /** Firing and not suppressed: someone should hear about it. */
  public boolean notifying() {
    return state == AlertState.FIRING && suppressedBy.isEmpty();
  }

  public String device() {
    return labels.getOrDefault("device", "");
  }

  public String tenant() {
    return labels.getOrDefault("tenant", "");
  }
}
