package org.leitwarte.alerting.history;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;

/**
 * One change of an alert as kept in the history: what it was, what it became, and why it was quiet. It
 * carries its own copy of the alert's rule, severity and labels, because the history outlives the
 * clean-up of resolved alerts.
 *
 * @param fromState empty for an alert that did not exist before
 */
public record HistoryEntry(
    String alertId,
    String rule,
    Severity severity,
    Map<String, String> labels,
    Instant at,
    Optional<AlertState> fromState,
    AlertState toState,
    Optional<String> suppressedBy,
    Optional<String> previousSuppressedBy,
    Optional<Double> value,
    boolean flapping) {

  public HistoryEntry {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fromState, "fromState");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(suppressedBy, "suppressedBy");
    Objects.requireNonNull(previousSuppressedBy, "previousSuppressedBy");
    Objects.requireNonNull(value, "value");
  }

  /** The entry a change leaves in the history. */
  public static HistoryEntry of(AlertChange change) {
    Alert alert = change.alert();
    return new HistoryEntry(
        alert.id(), alert.rule(), alert.severity(), alert.labels(), change.at(), change.previousState(), alert.state(),
        alert.suppressedBy(), change.previousSuppressedBy(), alert.value(), alert.flapping());
  }

  public String device() {
    return labels.getOrDefault("device", "");
  }

  public String tenant() {
    return labels.getOrDefault("tenant", "");
  }
}
