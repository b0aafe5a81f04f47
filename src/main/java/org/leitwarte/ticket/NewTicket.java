package org.leitwarte.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * What a request to open a ticket says. Either it names an alert or incident (then title and description
 * are prefilled from it if not given), or it brings its own title and description.
 *
 * @param tenant whose ticket it is; needed only when a cooperative user opens a free ticket
 * @param language of the mails to the contact: {@code de} (default) or {@code en}
 */
public record NewTicket(
    Optional<String> alertId,
    Optional<Long> incidentId,
    Optional<String> title,
    Optional<String> description,
    Optional<String> tenant,
    Optional<String> device,
    Optional<String> contactEmail,
    Optional<String> language) {

  public NewTicket {
    alertId = blankless(alertId);
    Objects.requireNonNull(incidentId, "incidentId");
    title = blankless(title);
    description = blankless(description);
    tenant = blankless(tenant);
    device = blankless(device);
    contactEmail = blankless(contactEmail);
    language = blankless(language);
  }

  /** A ticket of its own, not from an alert. */
  public static NewTicket free(String title, String description) {
    return new NewTicket(Optional.empty(), Optional.empty(), Optional.of(title), Optional.of(description),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static NewTicket fromAlert(String alertId) {
    return new NewTicket(Optional.of(alertId), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public NewTicket withTenant(String tenant) {
    return new NewTicket(alertId, incidentId, title, description, Optional.of(tenant), device, contactEmail, language);
  }

  public NewTicket withContact(String email, String language) {
    return new NewTicket(alertId, incidentId, title, description, tenant, device, Optional.of(email), Optional.of(language));
  }

  /** Strips; a blank value counts as not given. */
  private static Optional<String> blankless(Optional<String> value) {
    return Objects.requireNonNull(value).map(String::strip).filter(text -> !text.isEmpty());
  }

  /** The same request with {@code contact} as its contact e-mail. */
  public NewTicket withContactEmail(String contact) {
    return new NewTicket(alertId, incidentId, title, description, tenant, device, Optional.of(contact), language);
  }
}
