package org.leitwarte.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a ticket is in its life. The open states (new, in progress, waiting for the municipality) may
 * change into one another and into resolved; a resolved ticket is closed or reopened (back to in
 * progress); closed is final.
 */
public enum TicketStatus {
  NEW,
  IN_PROGRESS,
  WAITING_FOR_MUNICIPALITY,
  RESOLVED,
  CLOSED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Someone still has to do something: new, in progress or waiting for the municipality. */
  public boolean open() {
    return this != RESOLVED && this != CLOSED;
  }

  /** Whether a ticket in this status may move to {@code next}; staying where it is is no move. */
  public boolean canBecome(TicketStatus next) {
    if (next == this) {
      return false;
    }
    if (open()) {
      return next != CLOSED;
    }
    return this == RESOLVED && (next == CLOSED || next == IN_PROGRESS);
  }

  public static Optional<TicketStatus> ofLabel(String label) {
    return Arrays.stream(values()).filter(status -> status.label().equals(label)).findFirst();
  }
}
