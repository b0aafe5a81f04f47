package org.leitwarte.ticket;

/**
 * The ticket is visible to the user, but this change is not theirs to make: a municipality's user
 * assigning a ticket or resolving it themselves.
 */
public final class TicketForbiddenException extends RuntimeException {

  public TicketForbiddenException(String message) {
    super(message, null, false, false);
  }
}
