package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.TimelineEntry;

/** Resolves incidents, by hand or by themselves, and tells those who were paged about them. */
final class Closer {

  private final IncidentRepository incidents;
  private final EscalationSteps steps;
  private final OnCallDirectory directory;
  private final Messenger messenger;

  Closer(IncidentRepository incidents, EscalationSteps steps, OnCallDirectory directory, Messenger messenger) {
    this.incidents = incidents;
    this.steps = steps;
    this.directory = directory;
    this.messenger = messenger;
  }

  /**
   * Resolves an open incident and ends its escalation, in the caller's transaction.
   *
   * @return the resolved incident; empty when it was resolved already
   */
  Future<Optional<Incident>> close(SqlConnection connection, long id, Optional<String> actor, Optional<String> channel,
      String text, Map<String, ?> details, Instant now) {
    return incidents.resolve(connection, id, actor, now).compose(resolved -> !resolved
        ? Future.succeededFuture(Optional.empty())
        : steps.stop(connection, id)
            .compose(v -> incidents.append(connection, id, now, TimelineEntry.Kind.RESOLVED, actor, channel, text, details))
            .compose(v -> incidents.find(connection, id))
            .map(found -> found.map(IncidentRows.Stored::incident)));
  }

  /** Sends {@code resolved} to everybody who was notified about the incident (but the one who resolved it). */
  Future<Void> tellResolved(Incident incident, Optional<String> except) {
    return incidents.recipients(incidents.pool(), incident.id()).compose(ids -> {
      List<Person> people = ids.stream()
          .filter(id -> except.map(who -> !who.equals(id)).orElse(true))
          .flatMap(id -> directory.person(id).stream())
          .toList();
      if (people.isEmpty()) {
        return Future.succeededFuture();
      }
      return messenger.currentAlerts(incident.id())
          .map(alerts -> {
            messenger.send(incident, alerts, people, Notification.Kind.RESOLVED, 0);
            return null;
          });
    });
  }
}
