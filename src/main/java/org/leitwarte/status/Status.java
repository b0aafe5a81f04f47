package org.leitwarte.status;

import java.util.Locale;

/**
 * How a device, a site or a tenant is doing, as the status board shows it.
 *
 * <p>Declared from most to least urgent among the states that count: a device in maintenance does not
 * count towards its site's or tenant's state unless every device there is in maintenance (see {@link
 * Summary#of}).
 */
public enum Status {
  /** A critical alert fires outside maintenance, or the device does not answer. */
  CRITICAL,
  /** A warning fires outside maintenance. */
  WARNING,
  /** Never polled yet (just started, or the scheduler does not reach it), and nothing fires. */
  UNKNOWN,
  /** Announced maintenance covers it (and nothing fires outside that maintenance). */
  MAINTENANCE,
  OK;

  /** The lower-case name used in the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but a label of {@link #label()} */
  public static Status ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  public boolean worseThan(Status other) {
    return ordinal() < other.ordinal();
  }
}
