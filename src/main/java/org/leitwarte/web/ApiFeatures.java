package org.leitwarte.web;

import java.util.Objects;
import java.util.Optional;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.ticket.TicketService;

/**
 * The features behind the API's routes, as the composition root hands them to the HTTP server. A
 * feature that is absent answers its operations with 503 rather than keep the server from starting.
 *
 * @param incidents incidents and on-call (and the acknowledge link pages)
 * @param status the status board's tenants, devices and live events
 * @param audit the audit log for administrators (the API's {@code /api/v1/audit} and the page {@code /audit})
 */
public record ApiFeatures(
    AlertingApi alerting, Optional<IncidentApi> incidents, Optional<StatusApi> status, Optional<TicketService> tickets,
    Optional<AuditQueries> audit) {

  public ApiFeatures {
    Objects.requireNonNull(alerting, "alerting");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(audit, "audit");
  }

  /** Without the audit log. */
  public ApiFeatures(
      AlertingApi alerting, Optional<IncidentApi> incidents, Optional<StatusApi> status, Optional<TicketService> tickets) {
    this(alerting, incidents, status, tickets, Optional.empty());
  }

  /** Alerts, silences and maintenance only. */
  public static ApiFeatures of(AlertingApi alerting) {
    return new ApiFeatures(alerting, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ApiFeatures withIncidents(IncidentApi api) {
    return new ApiFeatures(alerting, Optional.of(api), status, tickets, audit);
  }

  public ApiFeatures withStatus(StatusApi api) {
    return new ApiFeatures(alerting, incidents, Optional.of(api), tickets, audit);
  }

  public ApiFeatures withTickets(TicketService service) {
    return new ApiFeatures(alerting, incidents, status, Optional.of(service), audit);
  }

  public ApiFeatures withAudit(AuditQueries queries) {
    return new ApiFeatures(alerting, incidents, status, tickets, Optional.of(queries));
  }
}
