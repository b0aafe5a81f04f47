package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentConflictException;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.incident.TimelineEntry.Kind;
import org.leitwarte.store.AuditLog;

/**
 * What people do with incidents: acknowledge, resolve, hand over, write notes. Each change is one
 * transaction with its timeline entry and its audit row.
 */
final class Desk {

  static final int MAX_NOTE = 4000;

  /** An incident after an action, and whether the action changed it. */
  record Result(Incident incident, boolean changed) {}

  private final IncidentRepository incidents;
  private final EscalationSteps steps;
  private final OnCallDirectory directory;
  private final Messenger messenger;
  private final Closer closer;
  private final Clock clock;

  Desk(IncidentRepository incidents, EscalationSteps steps, OnCallDirectory directory, Messenger messenger, Closer closer,
      Clock clock) {
    this.incidents = incidents;
    this.steps = steps;
    this.directory = directory;
    this.messenger = messenger;
    this.closer = closer;
    this.clock = clock;
  }

  Future<List<Incident>> list(ApiScope scope, IncidentQuery query) {
    if (query.limit() < 1 || query.limit() > IncidentQuery.MAX_LIMIT) {
      return Future.failedFuture(new InvalidInputException("limit", "must be 1 to " + IncidentQuery.MAX_LIMIT + ", got " + query.limit()));
    }
    if (scope.tenant().isPresent()) {
      if (query.tenant().isPresent() && !query.tenant().equals(scope.tenant())) {
        return Future.failedFuture(new InvalidInputException("tenant", "may only name your own tenant (" + scope.tenant().get() + ")"));
      }
      query = query.withTenant(scope.tenant().get());
    }
    return incidents.list(query);
  }

  /** The incident if the scope sees it, else a {@link NotFoundException} as for a missing one. */
  Future<Incident> visible(ApiScope scope, long id) {
    return incidents.find(incidents.pool(), id).compose(found -> found
        .map(IncidentRows.Stored::incident)
        .filter(incident -> scope.sees(incident.tenant()))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("incident " + id))));
  }

  Future<Result> acknowledge(ApiScope scope, long id, String person, String channel, Optional<String> address) {
    return known(person, "person").compose(who -> visible(scope, id)).compose(incident -> {
      if (incident.state() == IncidentState.RESOLVED) {
        return Future.failedFuture(new IncidentConflictException("incident " + id + " is resolved"));
      }
      if (incident.state() == IncidentState.ACKNOWLEDGED) {
        return Future.succeededFuture(new Result(incident, false));
      }
      Instant now = clock.instant();
      return change(id, connection -> incidents.acknowledge(connection, id, person, now).compose(acknowledged -> !acknowledged
          ? Future.succeededFuture(false)
          : steps.stop(connection, id)
              .compose(v -> incidents.append(connection, id, now, Kind.ACKNOWLEDGED, Optional.of(person), Optional.of(channel),
                  "acknowledged by " + person + " via " + channel, Map.of()))
              .compose(v -> audit(connection, person, "incident.acknowledge", id, new JsonObject().put("channel", channel), address))
              .map(true)));
    });
  }

  Future<Result> resolve(ApiScope scope, long id, String person, String channel, Optional<String> comment, Optional<String> address) {
    return known(person, "person").compose(who -> visible(scope, id)).compose(incident -> {
      if (incident.state() == IncidentState.RESOLVED) {
        return Future.succeededFuture(new Result(incident, false));
      }
      Instant now = clock.instant();
      Map<String, Object> details = comment.filter(text -> !text.isBlank()).<Map<String, Object>>map(text -> Map.of("comment", text))
          .orElse(Map.of());
      return change(id, connection -> closer.close(connection, id, Optional.of(person), Optional.of(channel),
              "resolved by " + person + " via " + channel, details, now)
          .compose(resolved -> resolved.isEmpty() ? Future.succeededFuture(false)
              : audit(connection, person, "incident.resolve", id, new JsonObject(new java.util.HashMap<>(details)).put("channel", channel), address)
                  .map(true)))
          .compose(result -> result.changed()
              ? closer.tellResolved(result.incident(), Optional.of(person)).map(result)
              : Future.succeededFuture(result));
    });
  }

  Future<Result> reassign(ApiScope scope, long id, String person, String to, String channel, Optional<String> address) {
    return known(person, "person").compose(who -> known(to, "to")).compose(assignee -> visible(scope, id).compose(incident -> {
      if (incident.state() == IncidentState.RESOLVED) {
        return Future.failedFuture(new IncidentConflictException("incident " + id + " is resolved"));
      }
      if (incident.assignee().equals(Optional.of(to))) {
        return Future.succeededFuture(new Result(incident, false));
      }
      Instant now = clock.instant();
      String from = incident.assignee().orElse("");
      return change(id, connection -> incidents.assign(connection, id, to, now)
              .compose(v -> incidents.append(connection, id, now, Kind.REASSIGNED, Optional.of(person), Optional.of(channel),
                  "handed " + (from.isEmpty() ? "" : "from " + from + " ") + "to " + to + " by " + person, Map.of("from", from, "to", to)))
              .compose(v -> incidents.addRecipients(connection, id, List.of(to)))
              .compose(v -> audit(connection, person, "incident.reassign", id,
                  new JsonObject().put("from", from).put("to", to).put("channel", channel), address))
              .map(true))
          .compose(result -> messenger.currentAlerts(id).map(alerts -> {
            messenger.send(result.incident(), alerts, List.of(assignee), Notification.Kind.TRIGGERED, 0);
            return result;
          }));
    }));
  }

  Future<TimelineEntry> addNote(ApiScope scope, long id, String person, String text, String channel, Optional<String> address) {
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new InvalidInputException("text", "must not be blank"));
    }
    if (text.length() > MAX_NOTE) {
      return Future.failedFuture(new InvalidInputException("text", "must be at most " + MAX_NOTE + " characters, got " + text.length()));
    }
    return known(person, "person").compose(who -> visible(scope, id)).compose(incident -> {
      if (incident.state() == IncidentState.RESOLVED) {
        return Future.failedFuture(new IncidentConflictException("incident " + id + " is resolved"));
      }
      Instant now = clock.instant();
      return incidents.pool().withTransaction(connection -> incidents.touch(connection, id, now)
          .compose(v -> incidents.append(connection, id, now, Kind.NOTE, Optional.of(person), Optional.of(channel), text.strip(), Map.of()))
          .compose(entry -> audit(connection, person, "incident.note", id, new JsonObject().put("text", entry.text())
              .put("channel", channel), address).map(entry)));
    });
  }

  private interface Change {
    Future<Boolean> apply(SqlConnection connection);
  }

  /** Runs a change in one transaction and reads the incident as it is afterwards. */
  private Future<Result> change(long id, Change change) {
    return incidents.pool().withTransaction(connection -> change.apply(connection)
        .compose(changed -> incidents.find(connection, id).map(found -> new Result(found.orElseThrow().incident(), changed))));
  }

  private Future<Person> known(String person, String field) {
    if (person == null || person.isBlank()) {
      return Future.failedFuture(new InvalidInputException(field, "must not be blank"));
    }
    return directory.person(person).map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new InvalidInputException(field, "unknown person '" + person + "'")));
  }

  private static Future<Void> audit(SqlConnection connection, String actor, String action, long id, JsonObject detail,
      Optional<String> address) {
    return AuditLog.append(connection, actor, action, "incident:" + id, detail, address);
  }
}
