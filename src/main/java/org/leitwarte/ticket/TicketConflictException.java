package org.leitwarte.ticket;

/** A change the ticket's status does not allow: {@code T-3 cannot go from closed to in_progress}. */
public final class TicketConflictException extends RuntimeException {

  public TicketConflictException(String message) {
    super(message, null, false, false);
  }
}
