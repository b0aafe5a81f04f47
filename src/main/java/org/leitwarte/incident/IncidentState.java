package org.leitwarte.incident;

import java.util.Locale;

/** Triggered: nobody has taken it yet. Acknowledged: someone owns it. Resolved: over. */
public enum IncidentState {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
