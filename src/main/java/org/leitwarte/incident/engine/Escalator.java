package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.TimelineEntry.Kind;
import org.leitwarte.incident.engine.EscalationPlan.Step;
import org.leitwarte.incident.engine.EscalationSteps.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation steps that are due. A step is marked done in the store, with its timeline entry
 * and its recipients, before its notifications go out: a restart right after neither repeats it (at most
 * once per step) nor loses the steps after it. Who is notified is asked of the on-call directory at
 * the moment of the step, so a hand-over in between is honoured.
 */
final class Escalator {

  private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
  /** Steps run per tick at most; more wait for the next tick. */
  static final int BATCH = 200;

  private final IncidentRepository incidents;
  private final EscalationSteps steps;
  private final OnCallDirectory directory;
  private final Messenger messenger;

  Escalator(IncidentRepository incidents, EscalationSteps steps, OnCallDirectory directory, Messenger messenger) {
    this.incidents = incidents;
    this.steps = steps;
    this.directory = directory;
    this.messenger = messenger;
  }

  Future<Void> tick(Instant now) {
    return steps.due(now, BATCH).compose(due -> {
      Future<Void> ran = Future.succeededFuture();
      for (Pending pending : due) {
        ran = ran.compose(v -> run(pending, now).recover(e -> {
          LOG.error("Incident LW-{}: escalation step (level {}, round {}) failed, it is tried again: {}",
              pending.incidentId(), pending.step().level(), pending.step().round(), e.getMessage());
          return Future.succeededFuture();
        }));
      }
      return ran;
    });
  }

  private Future<Void> run(Pending pending, Instant now) {
    long id = pending.incidentId();
    Step step = pending.step();
    return incidents.find(incidents.pool(), id).compose(found -> {
      Optional<Incident> open = found.map(IncidentRows.Stored::incident).filter(i -> i.state() == IncidentState.TRIGGERED);
      if (open.isEmpty()) {
        return advance(id, step, Optional.empty(), null, now).mapEmpty();
      }
      Incident incident = open.get();
      Optional<EscalationPolicy> policy = directory.policy(incident.policy());
      if (policy.isEmpty()) {
        LOG.warn("Incident {}: escalation policy '{}' is unknown, nobody is notified", incident.reference(), incident.policy());
        return advance(id, step, Optional.empty(), new Record(Kind.NOTIFIED, "nobody notified: escalation policy '"
            + incident.policy() + "' is unknown", Messenger.nobody(step.level(), "escalation policy '" + incident.policy()
            + "' is unknown"), List.of()), now).mapEmpty();
      }
      EscalationPlan plan = EscalationPlan.of(policy.get(), Duration.ofMillis(found.get().repeatIntervalMillis()));
      Notification.Kind kind = plan.kind(step);
      int level = plan.level(step);
      if (kind == Notification.Kind.REPEATED && incident.firingAlerts() == 0) {
        // Nothing fires (the route does not resolve by itself): keep the rhythm, but say nothing.
        return advance(id, step, plan.next(step, now), null, now).mapEmpty();
      }
      List<Person> people = people(policy.get().levels().get(level - 1), now);
      Record record = people.isEmpty()
          ? new Record(Kind.NOTIFIED, "nobody notified at level " + level + ": nobody on call",
              Messenger.nobody(level, "nobody on call"), List.of())
          : stepRecord(kind, level, step.round(), people);
      Optional<Step> next = people.isEmpty() ? plan.nextAfterNobody(step, now) : plan.next(step, now);
      return messenger.currentAlerts(id).compose(alerts -> advance(id, step, next, record, now).<Void>map(won -> {
        if (won && !people.isEmpty()) {
          messenger.send(incident, alerts, people, kind, level);
        }
        return null;
      }));
    });
  }

  /** What a step writes to the timeline, and whom it tells. */
  private record Record(Kind kind, String text, Map<String, Object> details, List<String> recipients) {}

  private static Record stepRecord(Notification.Kind kind, int level, int round, List<Person> people) {
    List<String> ids = people.stream().map(Person::id).toList();
    String names = String.join(", ", ids);
    Map<String, Object> details = Map.of("level", level, "round", round, "recipients", names);
    return switch (kind) {
      case TRIGGERED -> new Record(null, "", details, ids);
      case REPEATED -> new Record(Kind.REPEATED, "still unacknowledged: level " + level + " told again: " + names, details, ids);
      default -> new Record(Kind.ESCALATED, "escalated to level " + level + (round > 1 ? " (round " + round + ")" : "")
          + ": " + names, details, ids);
    };
  }

  private Future<Boolean> advance(long id, Step step, Optional<Step> next, Record record, Instant now) {
    return incidents.pool().withTransaction(connection -> steps.advance(connection, id, step, next).compose(won -> {
      if (!won || record == null) {
        return Future.succeededFuture(won);
      }
      Future<?> written = record.kind() == null ? Future.succeededFuture()
          : incidents.append(connection, id, now, record.kind(), Optional.empty(),
              Optional.empty(), record.text(), record.details());
      return written.compose(v -> incidents.addRecipients(connection, id, record.recipients())).map(true);
    }));
  }

  private List<Person> people(EscalationPolicy.Level level, Instant now) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (EscalationPolicy.Target target : level.targets()) {
      directory.resolve(target, now).forEach(person -> people.putIfAbsent(person.id(), person));
    }
    return List.copyOf(people.values());
  }

}
