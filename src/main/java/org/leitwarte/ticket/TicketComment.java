package org.leitwarte.ticket;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A comment on a ticket. The text is plain text, stored exactly as written; whoever shows it escapes it.
 *
 * @param side whether the cooperative's staff or the municipality wrote it
 */
public record TicketComment(long id, long ticketId, String author, Side side, String text, Instant at) {

  /** Who wrote a comment: the cooperative ({@code staff}) or the municipality ({@code tenant}). */
  public enum Side {
    STAFF,
    TENANT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TicketComment {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }
}
