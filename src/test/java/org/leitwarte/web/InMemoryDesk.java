package org.leitwarte.web;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentConflictException;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.incident.TimelineEntry.Kind;

/**
 * A small {@link IncidentDesk} holding incidents in memory, keeping to the interface's contract (another
 * tenant's incident is missing, changes on a resolved one conflict): what the routes are tested against.
 */
final class InMemoryDesk implements IncidentDesk {

  private final Clock clock;
  private final Map<Long, Incident> incidents = new ConcurrentHashMap<>();
  private final Map<Long, List<TimelineEntry>> timelines = new ConcurrentHashMap<>();
  private final Map<Long, List<Alert>> alerts = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong entryIds = new AtomicLong();
  /** Client addresses the changes came from, for the audit log. */
  final List<Optional<String>> addresses = new CopyOnWriteArrayList<>();

  InMemoryDesk(Clock clock) {
    this.clock = clock;
  }

  /** A new triggered incident of {@code team} for {@code tenant}, with one firing alert on {@code device}. */
  Incident open(String title, String team, String tenant, String device, Instant createdAt) {
    long id = ids.incrementAndGet();
    Incident incident = new Incident(id, "route:" + tenant + ":" + device, title, IncidentState.TRIGGERED, "critical", team,
        team + "-standard", Map.of("tenant", tenant, "device", device), tenant, createdAt, createdAt,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1, 1);
    incidents.put(id, incident);
    alerts.put(id, List.of(new Alert(String.format("%016x", id), "device_down", Severity.CRITICAL, AlertState.FIRING,
        Map.of("tenant", tenant, "device", device, "alertname", "device_down", "severity", "critical"),
        Map.of("de", Map.of("summary", device + " antwortet nicht"), "en", Map.of("summary", device + " does not answer")),
        createdAt, createdAt, Optional.of(100.0), Optional.empty(), false)));
    timelines.put(id, new CopyOnWriteArrayList<>());
    record(id, Kind.CREATED, Optional.empty(), Optional.empty(), "incident created", Map.of());
    return incident;
  }

  Incident incident(long id) {
    return incidents.get(id);
  }

  @Override
  public Future<List<Incident>> list(ApiScope scope, IncidentQuery query) {
    return Future.succeededFuture(incidents.values().stream()
        .filter(incident -> scope.sees(incident.tenant()))
        .filter(incident -> query.states().isEmpty() || query.states().contains(incident.state()))
        .filter(incident -> query.tenant().isEmpty() || query.tenant().get().equals(incident.tenant()))
        .filter(incident -> query.team().isEmpty() || query.team().get().equals(incident.team()))
        .sorted(Comparator.comparing(Incident::createdAt).reversed())
        .limit(query.limit())
        .toList());
  }

  @Override
  public Future<Incident> get(ApiScope scope, long id) {
    return found(scope, id).map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(new NotFoundException("incident " + id)));
  }

  @Override
  public Future<List<TimelineEntry>> timeline(ApiScope scope, long id) {
    return get(scope, id).map(incident -> List.copyOf(timelines.get(id)));
  }

  @Override
  public Future<List<Alert>> alerts(ApiScope scope, long id) {
    return get(scope, id).map(incident -> alerts.get(id));
  }

  @Override
  public Future<Incident> acknowledge(ApiScope scope, long id, String person, String channel, Optional<String> address) {
    return open(scope, id).map(incident -> {
      if (incident.state() == IncidentState.ACKNOWLEDGED) {
        return incident;
      }
      addresses.add(address);
      record(id, Kind.ACKNOWLEDGED, Optional.of(person), Optional.of(channel), "acknowledged by " + person, Map.of());
      return update(with(incident, IncidentState.ACKNOWLEDGED, Optional.of(person), incident.assignee().or(() -> Optional.of(person))));
    });
  }

  @Override
  public Future<Incident> resolve(ApiScope scope, long id, String person, String channel, Optional<String> comment,
      Optional<String> address) {
    return get(scope, id).map(incident -> {
      if (incident.state() == IncidentState.RESOLVED) {
        return incident;
      }
      addresses.add(address);
      record(id, Kind.RESOLVED, Optional.of(person), Optional.of(channel), "resolved by " + person + comment.map(c -> ": " + c).orElse(""),
          comment.<Map<String, Object>>map(c -> Map.of("comment", c)).orElse(Map.of()));
      Incident resolved = with(incident, IncidentState.RESOLVED, incident.acknowledgedBy().or(() -> Optional.of(person)), incident.assignee());
      return update(new Incident(resolved.id(), resolved.groupKey(), resolved.title(), resolved.state(), resolved.severity(),
          resolved.team(), resolved.policy(), resolved.groupLabels(), resolved.tenant(), resolved.createdAt(), now(),
          resolved.acknowledgedBy(), resolved.acknowledgedAt(), resolved.assignee(), Optional.of(now()), resolved.alerts(), 0));
    });
  }

  @Override
  public Future<Incident> reassign(ApiScope scope, long id, String person, String to, String channel, Optional<String> address) {
    return open(scope, id).map(incident -> {
      addresses.add(address);
      record(id, Kind.REASSIGNED, Optional.of(person), Optional.of(channel), "reassigned to " + to,
          Map.of("from", incident.assignee().orElse(""), "to", to));
      return update(with(incident, incident.state(), incident.acknowledgedBy(), Optional.of(to)));
    });
  }

  @Override
  public Future<TimelineEntry> addNote(ApiScope scope, long id, String person, String text, String channel, Optional<String> address) {
    return open(scope, id).map(incident -> {
      addresses.add(address);
      return record(id, Kind.NOTE, Optional.of(person), Optional.of(channel), text, Map.of());
    });
  }

  @Override
  public Future<Outcome> acknowledge(long incidentId, String person, String channel) {
    Incident incident = incidents.get(incidentId);
    if (incident == null) {
      return Future.succeededFuture(Outcome.NOT_FOUND);
    }
    if (incident.state() != IncidentState.TRIGGERED) {
      return Future.succeededFuture(incident.state() == IncidentState.RESOLVED ? Outcome.ALREADY_RESOLVED : Outcome.ALREADY_ACKNOWLEDGED);
    }
    return acknowledge(ApiScope.EVERYTHING, incidentId, person, channel, Optional.empty()).map(Outcome.ACKNOWLEDGED);
  }

  private Optional<Incident> found(ApiScope scope, long id) {
    return Optional.ofNullable(incidents.get(id)).filter(incident -> scope.sees(incident.tenant()));
  }

  /** The incident, unless it is resolved: then a conflict. */
  private Future<Incident> open(ApiScope scope, long id) {
    return get(scope, id).compose(incident -> incident.state() == IncidentState.RESOLVED
        ? Future.failedFuture(new IncidentConflictException(incident.reference() + " is resolved"))
        : Future.succeededFuture(incident));
  }

  private Incident with(Incident incident, IncidentState state, Optional<String> acknowledgedBy, Optional<String> assignee) {
    Optional<Instant> acknowledgedAt = incident.acknowledgedAt().or(() -> acknowledgedBy.map(person -> now()));
    return new Incident(incident.id(), incident.groupKey(), incident.title(), state, incident.severity(), incident.team(),
        incident.policy(), incident.groupLabels(), incident.tenant(), incident.createdAt(), now(), acknowledgedBy,
        acknowledgedAt, assignee, incident.resolvedAt(), incident.alerts(), incident.firingAlerts());
  }

  private Incident update(Incident incident) {
    incidents.put(incident.id(), incident);
    return incident;
  }

  private TimelineEntry record(long id, Kind kind, Optional<String> actor, Optional<String> channel, String text, Map<String, Object> details) {
    TimelineEntry entry = new TimelineEntry(entryIds.incrementAndGet(), id, now(), kind, actor, channel, text, details);
    timelines.get(id).add(entry);
    return entry;
  }

  private Instant now() {
    return clock.instant();
  }
}
