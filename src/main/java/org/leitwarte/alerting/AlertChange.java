package org.leitwarte.alerting;

import java.time.Instant;
import java.util.Optional;

/**
 * Something happened to an alert: it became pending, fired, resolved, or was suppressed or released.
 * Published on {@link org.leitwarte.EventAddresses#ALERTS} for the incident engine and the UI, and
 * kept in the store's alert history.
 *
 * @param alert the alert as it is now
 * @param previousState empty for an alert that did not exist before
 * @param previousSuppressedBy what suppressed it before this change
 */
public record AlertChange(Alert alert, Optional<AlertState> previousState, Optional<String> previousSuppressedBy, Instant at) {

  /** Whether this change made the alert start notifying (fired unsuppressed, or released while firing). */
  public boolean startsNotifying() {
    return alert.notifying() && !(previousState.orElse(null) == AlertState.FIRING && previousSuppressedBy.isEmpty());
  }

  /** Whether this change ended a notifying alert (resolved, or suppressed while firing). */
  public boolean stopsNotifying() {
    return !alert.notifying() && previousState.orElse(null) == AlertState.FIRING && previousSuppressedBy.isEmpty();
  }
}
