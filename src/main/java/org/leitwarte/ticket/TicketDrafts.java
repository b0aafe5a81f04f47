package org.leitwarte.ticket;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.user.Principal;

/**
 * Turns a request to open a ticket into the ticket to store: checks its fields, looks up the alert or
 * incident it names within the principal's scope (another tenant's answers "not found", as a missing
 * one), prefills title and description from it, and decides whose ticket it is.
 */
final class TicketDrafts {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 10_000;
  static final int MAX_NAME = 200;
  private static final int MAX_EMAIL = 320;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final AlertApi alerts;
  private final Optional<IncidentDesk> incidents;

  TicketDrafts(AlertApi alerts, Optional<IncidentDesk> incidents) {
    this.alerts = alerts;
    this.incidents = incidents;
  }

  /** @return the ticket to store (id 0, status new), or a failed future naming the field to blame */
  Future<Ticket> draft(Principal who, NewTicket request, Instant now) {
    try {
      checkFields(request);
    } catch (InvalidInputException e) {
      return Future.failedFuture(e);
    }
    return linked(who, request).compose(link -> {
      try {
        return Future.succeededFuture(ticket(who, request, link, now));
      } catch (InvalidInputException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /** What the alert or incident of the request says; empty for a free ticket. */
  private record Link(String tenant, Optional<String> device, AlertContext context) {}

  private Future<Optional<Link>> linked(Principal who, NewTicket request) {
    Future<Optional<Incident>> incident = request.incidentId()
        .map(id -> incidents
            .map(desk -> desk.get(who.scope(), id).map(Optional::of))
            .orElseGet(() -> Future.failedFuture(new InvalidInputException("incident_id", "incidents are not set up on this server"))))
        .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    Future<Optional<Alert>> alert = request.alertId()
        .map(id -> alerts.get(who.scope(), id).map(Optional::of))
        .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    return Future.all(incident, alert).compose(both -> {
      Optional<Incident> fromIncident = incident.result();
      Optional<Alert> fromAlert = alert.result();
      if (fromIncident.isPresent() && fromAlert.isPresent() && !fromIncident.get().tenant().equals(fromAlert.get().tenant())) {
        return Future.failedFuture(new InvalidInputException("incident_id", "belongs to another municipality than alert " + fromAlert.get().id()));
      }
      if (fromAlert.isPresent()) {
        Alert found = fromAlert.get();
        return Future.succeededFuture(Optional.of(new Link(found.tenant(), nonBlank(found.device()),
            new AlertContext(Optional.of(found.rule()), summary(found), found.activeSince()))));
      }
      return Future.succeededFuture(fromIncident.map(found -> new Link(found.tenant(),
          nonBlank(found.groupLabels().getOrDefault("device", "")), new AlertContext(Optional.empty(), found.title(), found.createdAt()))));
    });
  }

  private static Ticket ticket(Principal who, NewTicket request, Optional<Link> link, Instant now) {
    String tenant = tenant(who, request, link);
    String language = request.language().orElse(TicketTexts.GERMAN);
    Optional<String> device = request.device().or(() -> link.flatMap(Link::device));
    String title;
    String description;
    if (link.isPresent()) {
      AlertContext context = link.get().context();
      title = request.title().orElse(shortened(context.summary(), MAX_TITLE));
      description = shortened(new TicketTexts().description(language, request.description().orElse(""),
          request.alertId().orElse(""), request.incidentId().map(id -> "LW-" + id).orElse(""), device.orElse(""), context), MAX_TEXT);
    } else {
      title = request.title().orElseThrow(() -> new InvalidInputException("title", "must not be blank (or name an alert_id or incident_id)"));
      description = request.description().orElseThrow(() -> new InvalidInputException("description", "must not be blank"));
    }
    return new Ticket(0, tenant, title, description, TicketStatus.NEW, request.alertId(), request.incidentId(),
        link.map(Link::context), device, Optional.empty(), request.contactEmail(), language, who.user(), now, now);
  }

  /** The linked object's tenant, else the user's own, else (staff) the one named in the request. */
  private static String tenant(Principal who, NewTicket request, Optional<Link> link) {
    Optional<String> linkedTenant = link.map(Link::tenant).filter(tenant -> !tenant.isEmpty());
    Optional<String> own = who.tenant().or(() -> linkedTenant);
    if (own.isPresent()) {
      if (request.tenant().isPresent() && !request.tenant().equals(own)) {
        throw new InvalidInputException("tenant", "must be " + own.get() + ", the municipality of "
            + (who.tenant().isPresent() ? "your account" : "the alert or incident") + ", or left out");
      }
      return own.get();
    }
    return request.tenant().orElseThrow(() -> new InvalidInputException("tenant",
        "missing: name the municipality the ticket is for (a ticket of the cooperative's own staff needs one)"));
  }

  private static void checkFields(NewTicket request) {
    limit("alert_id", request.alertId(), MAX_NAME);
    limit("title", request.title(), MAX_TITLE);
    limit("description", request.description(), MAX_TEXT);
    limit("tenant", request.tenant(), MAX_NAME);
    limit("device", request.device(), MAX_NAME);
    limit("contact_email", request.contactEmail(), MAX_EMAIL);
    request.contactEmail().filter(email -> !EMAIL.matcher(email).matches()).ifPresent(email -> {
      throw new InvalidInputException("contact_email", "'" + email + "' is not an e-mail address");
    });
    request.language().filter(language -> !language.equals(TicketTexts.GERMAN) && !language.equals(TicketTexts.ENGLISH))
        .ifPresent(language -> {
          throw new InvalidInputException("language", "must be de or en, got '" + language + "'");
        });
    if (request.incidentId().isPresent() && request.incidentId().get() < 1) {
      throw new InvalidInputException("incident_id", "must be 1 or more");
    }
  }

  static void limit(String field, Optional<String> value, int max) {
    value.filter(text -> text.length() > max).ifPresent(text -> {
      throw new InvalidInputException(field, "at most " + max + " characters, got " + text.length());
    });
  }

  /** The alert's German summary; its rule and device when it has none. */
  private static String summary(Alert alert) {
    return Optional.ofNullable(alert.annotations().get(TicketTexts.GERMAN))
        .map(texts -> texts.get("summary"))
        .filter(text -> !text.isBlank())
        .orElseGet(() -> alert.rule() + (alert.device().isEmpty() ? "" : " " + alert.device()));
  }

  private static String shortened(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.of(value).filter(text -> !text.isBlank());
  }
}
