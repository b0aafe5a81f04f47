package org.leitwarte.ticket;

import java.util.List;
import java.util.Objects;

/** A ticket and its comments, oldest first. */
public record TicketDetails(Ticket ticket, List<TicketComment> comments) {

  public TicketDetails {
    Objects.requireNonNull(ticket, "ticket");
    comments = List.copyOf(comments);
  }
}
