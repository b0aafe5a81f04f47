package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.incident.AcknowledgeLinks;
import org.leitwarte.incident.Delivery;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Notifications;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands notifications to {@link Notifications} and, whenever each is done (which may be minutes
 * later), writes one {@code notified} timeline entry per delivery. Nobody waits for it: a slow or
 * failing channel never holds up an escalation.
 */
final class Messenger {

  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

  private final IncidentRepository incidents;
  private final AlertRepository alerts;
  private final Notifications notifications;
  private final AcknowledgeLinks links;
  private final Clock clock;
  /** The alerts that notify now, as last heard: for the text when the alert store is behind. */
  private final Map<String, Alert> notifying = new ConcurrentHashMap<>();

  Messenger(IncidentRepository incidents, AlertRepository alerts, Notifications notifications, AcknowledgeLinks links, Clock clock) {
    this.incidents = incidents;
    this.alerts = alerts;
    this.notifications = notifications;
    this.links = links;
    this.clock = clock;
  }

  void heard(Alert alert) {
    if (alert.notifying()) {
      notifying.put(alert.id(), alert);
    } else {
      notifying.remove(alert.id());
    }
  }

  /** The incident's alerts as they are now, firing first. */
  Future<List<Alert>> currentAlerts(long incidentId) {
    return incidents.alertIds(incidents.pool(), incidentId).compose(ids -> {
      List<Future<Optional<Alert>>> loaded = new ArrayList<>();
      for (String id : ids) {
        loaded.add(alerts.get(id).map(found -> found.or(() -> Optional.ofNullable(notifying.get(id)))));
      }
      return Future.all(loaded).map(all -> {
        List<Alert> current = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
          all.<Optional<Alert>>resultAt(i).ifPresent(current::add);
        }
        // Stable: within each group the incident's order (firing there first, then by arrival) stays.
        current.sort(Comparator.comparing((Alert alert) -> alert.state() != AlertState.FIRING));
        return current;
      });
    });
  }

  /** Sends to each person and records the deliveries when they are known. */
  void send(Incident incident, List<Alert> current, List<Person> people, Notification.Kind kind, int level) {
    for (Person person : people) {
      Future<List<Delivery>> sent;
      try {
        sent = notifications.send(new Notification(incident, current, person, kind, level, links.linkFor(incident.id(), person.id())));
      } catch (RuntimeException e) {
        sent = Future.failedFuture(e);
      }
      sent.transform(done -> record(incident, person, level, done.succeeded() ? done.result() : List.of(failed(person, done.cause()))))
          .onFailure(e -> LOG.error("Incident {}: the deliveries to {} cannot be written to the timeline: {}",
              incident.reference(), person.id(), e.getMessage()));
    }
  }

  /** The timeline entry for a step that found nobody to notify. */
  static Map<String, Object> nobody(int level, String why) {
    return Map.of("recipient", "", "address", "", "delivered", false, "attempts", 0, "detail", why, "level", level);
  }

  private Delivery failed(Person person, Throwable cause) {
    return new Delivery("", person.id(), "", false, 0, String.valueOf(cause.getMessage()), clock.instant());
  }

  private Future<Void> record(Incident incident, Person person, int level, List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      deliveries = List.of(failed(person, new IllegalStateException("no way to reach " + person.id())));
    }
    List<Delivery> all = deliveries;
    return incidents.pool().withTransaction(connection -> {
      Future<?> written = Future.succeededFuture();
      for (Delivery delivery : all) {
        written = written.compose(v -> incidents.append(connection, incident.id(), delivery.at(), TimelineEntry.Kind.NOTIFIED,
            Optional.empty(), Optional.of(delivery.channel()).filter(channel -> !channel.isEmpty()), text(delivery),
            Map.of("recipient", delivery.recipient(), "address", delivery.address(), "delivered", delivery.delivered(),
                "attempts", delivery.attempts(), "detail", delivery.detail(), "level", level)));
      }
      return written.mapEmpty();
    });
  }

  private static String text(Delivery delivery) {
    String how = delivery.channel().isEmpty() ? "" : " by " + delivery.channel();
    String where = delivery.address().isEmpty() ? "" : " (" + delivery.address() + ")";
    return (delivery.delivered() ? "notified " : "could not notify ") + delivery.recipient() + how + where
        + (delivery.delivered() ? "" : ": " + delivery.detail());
  }
}
