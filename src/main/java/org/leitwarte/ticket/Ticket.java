package org.leitwarte.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A support ticket of a municipality (tenant).
 *
 * @param alertId the alert it was opened from; stays when the alert is cleaned up
 * @param incidentId the incident it was opened from
 * @param context what the alert or incident said when the ticket was opened
 * @param assignee the staff user working on it
 * @param contactEmail the municipality's contact, who is mailed on status changes and staff comments
 * @param language of those mails: {@code de} or {@code en}
 * @param openedBy the user who opened it
 */
public record Ticket(
    long id,
    String tenant,
    String title,
    String description,
    TicketStatus status,
    Optional<String> alertId,
    Optional<Long> incidentId,
    Optional<AlertContext> context,
    Optional<String> device,
    Optional<String> assignee,
    Optional<String> contactEmail,
    String language,
    String openedBy,
    Instant createdAt,
    Instant updatedAt) {

  public Ticket {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(contactEmail, "contactEmail");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(openedBy, "openedBy");
  }

  /** How people name it: {@code T-17}. */
  public String reference() {
    return reference(id);
  }

  public static String reference(long id) {
    return "T-" + id;
  }
}
