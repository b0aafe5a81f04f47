package org.leitwarte.alerting;

import java.util.Locale;

/**
 * Where an alert is in its life. Pending: the condition holds, but not yet for the rule's {@code for}.
 * Firing: it has held long enough. Resolved: it fired and is over (an alert that was only pending
 * and cleared simply goes away).
 */
public enum AlertState {
  PENDING,
  FIRING,
  RESOLVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
