package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.ticket.AlertContext;
import org.leitwarte.ticket.NewTicket;
import org.leitwarte.ticket.Ticket;
import org.leitwarte.ticket.TicketComment;
import org.leitwarte.ticket.TicketDetails;

/**
 * Tickets and comments as the API shows them (the Ticket and TicketComment schemas of the document).
 * Texts are plain strings exactly as written: whoever shows them in HTML escapes them.
 */
final class TicketJson {

  private TicketJson() {}

  static JsonObject tickets(List<Ticket> tickets) {
    JsonArray array = new JsonArray();
    tickets.forEach(ticket -> array.add(ticket(ticket)));
    return new JsonObject().put("tickets", array);
  }

  static JsonObject details(TicketDetails details) {
    JsonArray comments = new JsonArray();
    details.comments().forEach(comment -> comments.add(comment(comment)));
    return new JsonObject().put("ticket", ticket(details.ticket())).put("comments", comments);
  }

  static JsonObject ticket(Ticket ticket) {
    return new JsonObject()
        .put("id", ticket.id())
        .put("reference", ticket.reference())
        .put("tenant", ticket.tenant())
        .put("title", ticket.title())
        .put("description", ticket.description())
        .put("status", ticket.status().label())
        .put("open", ticket.status().open())
        .put("alert_id", ticket.alertId().orElse(null))
        .put("incident_id", ticket.incidentId().orElse(null))
        .put("alert", ticket.context().map(TicketJson::context).orElse(null))
        .put("device", ticket.device().orElse(null))
        .put("assignee", ticket.assignee().orElse(null))
        .put("contact_email", ticket.contactEmail().orElse(null))
        .put("language", ticket.language())
        .put("opened_by", ticket.openedBy())
        .put("created_at", ticket.createdAt().toString())
        .put("updated_at", ticket.updatedAt().toString());
  }

  static JsonObject comment(TicketComment comment) {
    return new JsonObject()
        .put("id", comment.id())
        .put("ticket_id", comment.ticketId())
        .put("author", comment.author())
        .put("author_role", comment.side().label())
        .put("text", comment.text())
        .put("at", comment.at().toString());
  }

  /** The body of {@code POST /api/v1/tickets}, already checked against the document's schema. */
  static NewTicket request(JsonObject body) {
    return new NewTicket(
        string(body, "alert_id"),
        Optional.ofNullable(body.getValue("incident_id")).map(value -> {
          if (value instanceof Number number) {
            return number.longValue();
          }
          throw new InvalidInputException("incident_id", "must be a number");
        }),
        string(body, "title"),
        string(body, "description"),
        string(body, "tenant"),
        string(body, "device"),
        string(body, "contact_email"),
        string(body, "language"));
  }

  private static JsonObject context(AlertContext context) {
    return new JsonObject()
        .put("rule", context.rule().orElse(null))
        .put("summary", context.summary())
        .put("since", context.since().toString());
  }

  private static Optional<String> string(JsonObject body, String field) {
    return Optional.ofNullable(body.getString(field));
  }
}
