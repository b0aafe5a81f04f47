package org.leitwarte.web;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.discovery.DiscoveryService;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.ticket.TicketService;

/**
 * The features behind the API's routes, as the composition root hands them to the HTTP server. A
 * feature that is absent answers its operations with 503 rather than keep the server from starting.
 *
 * @param incidents incidents and on-call (and the acknowledge link pages)
 * @param status the status board's tenants, devices and live events
 * @param history the device page's charts of the last 24 h; without it the page says they are not available
 * @param audit the audit log for administrators (the API's {@code /api/v1/audit} and the page {@code /audit})
 * @param grafana where the Grafana dashboards are served; a device's page links to its dashboard there
 * @param discovery network discovery ({@code /api/v1/discovery})
 * @param trapEvents the SNMP trap events per device and from unknown sources ({@code /api/v1/devices/{id}/events})
 */
public record ApiFeatures(
    AlertingApi alerting, Optional<IncidentApi> incidents, Optional<StatusApi> status, Optional<TicketService> tickets,
    Optional<DeviceHistory> history, Optional<AuditQueries> audit, Optional<URI> grafana,
    Optional<DiscoveryService> discovery, Optional<TrapEventRepository> trapEvents) {

  public ApiFeatures {
    Objects.requireNonNull(alerting, "alerting");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(grafana, "grafana");
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(trapEvents, "trapEvents");
  }

  /** Alerts, silences and maintenance only. */
  public static ApiFeatures of(AlertingApi alerting) {
    return new ApiFeatures(alerting, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ApiFeatures withIncidents(IncidentApi api) {
    return new ApiFeatures(alerting, Optional.of(api), status, tickets, history, audit, grafana, discovery, trapEvents);
  }

  public ApiFeatures withStatus(StatusApi api) {
    return new ApiFeatures(alerting, incidents, Optional.of(api), tickets, history, audit, grafana, discovery, trapEvents);
  }

  public ApiFeatures withTickets(TicketService service) {
    return new ApiFeatures(alerting, incidents, status, Optional.of(service), history, audit, grafana, discovery, trapEvents);
  }

  public ApiFeatures withHistory(DeviceHistory reader) {
    return new ApiFeatures(alerting, incidents, status, tickets, Optional.of(reader), audit, grafana, discovery, trapEvents);
  }

  public ApiFeatures withAudit(AuditQueries queries) {
    return new ApiFeatures(alerting, incidents, status, tickets, history, Optional.of(queries), grafana, discovery, trapEvents);
  }

  public ApiFeatures withGrafana(URI url) {
    return new ApiFeatures(alerting, incidents, status, tickets, history, audit, Optional.of(url), discovery, trapEvents);
  }

  public ApiFeatures withDiscovery(DiscoveryService service) {
    return new ApiFeatures(alerting, incidents, status, tickets, history, audit, grafana, Optional.of(service), trapEvents);
  }

  public ApiFeatures withTrapEvents(TrapEventRepository repository) {
    return new ApiFeatures(alerting, incidents, status, tickets, history, audit, grafana, discovery, Optional.of(repository));
  }
}
