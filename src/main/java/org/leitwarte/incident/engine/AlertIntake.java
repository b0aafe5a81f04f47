package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.TimelineEntry.Kind;
import org.leitwarte.incident.engine.EscalationPlan.Step;
import org.leitwarte.incident.routing.MatchedRoute;
import org.leitwarte.incident.routing.Router;

/**
 * Turns alert changes into incidents: an alert that starts notifying joins the open incident of its
 * group (per matched route and tenant), or makes a new one whose first escalation step waits the
 * route's {@code group_wait}; an alert that stops notifying is marked resolved in its incidents, which
 * resolve themselves when none of their alerts fires any more and their route says {@code auto_resolve}.
 */
final class AlertIntake {

  private static final int MAX_TITLE = 1000;

  private final IncidentRepository incidents;
  private final EscalationSteps steps;
  private final Supplier<Router> router;
  private final Messenger messenger;
  private final Closer closer;
  private final Clock clock;

  AlertIntake(IncidentRepository incidents, EscalationSteps steps, Supplier<Router> router, Messenger messenger, Closer closer,
      Clock clock) {
    this.incidents = incidents;
    this.steps = steps;
    this.router = router;
    this.messenger = messenger;
    this.closer = closer;
    this.clock = clock;
  }

  Future<Void> accept(AlertChange change) {
    Alert alert = change.alert();
    messenger.heard(alert);
    if (change.startsNotifying()) {
      Future<Void> joined = Future.succeededFuture();
      for (MatchedRoute route : router.get().route(alert.labels())) {
        joined = joined.compose(v -> join(alert, withTenant(route)));
      }
      return joined;
    }
    if (change.stopsNotifying()) {
      return incidents.openWithFiringAlert(incidents.pool(), alert.id()).compose(ids -> {
        Future<Void> left = Future.succeededFuture();
        for (long id : ids) {
          left = left.compose(v -> leave(id, alert));
        }
        return left;
      });
    }
    return Future.succeededFuture();
  }

  /** An incident never spans two municipalities: the tenant always belongs to the group. */
  static MatchedRoute withTenant(MatchedRoute route) {
    if (route.groupBy().contains(MatchedRoute.ALL_LABELS) || route.groupBy().contains("tenant")) {
      return route;
    }
    List<String> groupBy = new ArrayList<>(route.groupBy());
    groupBy.add("tenant");
    return new MatchedRoute(route.routeId(), route.team(), route.policy(), groupBy, route.groupWait(), route.groupInterval(),
        route.repeatInterval(), route.autoResolve());
  }

  private Future<Void> join(Alert alert, MatchedRoute route) {
    String key = route.groupKey(alert.labels());
    Instant now = clock.instant();
    return incidents.pool().withTransaction(connection -> incidents.findOpen(connection, key).compose(open -> {
      if (open.isPresent()) {
        long id = open.get().incident().id();
        return incidents.attach(connection, id, alert, now).compose(added -> added
            ? incidents.append(connection, id, now, Kind.ALERT_ADDED, Optional.empty(), Optional.empty(),
                "alert " + alert.rule() + " on " + alert.device() + " added", alertDetails(alert)).mapEmpty()
            : Future.<Void>succeededFuture());
      }
      return incidents.insert(connection, key, title(alert), alert, route, route.groupLabels(alert.labels()), now)
          .compose(id -> incidents.attach(connection, id, alert, now)
              .compose(v -> incidents.append(connection, id, now, Kind.CREATED, Optional.empty(), Optional.empty(),
                  "created from alert " + alert.rule() + " on " + alert.device() + ", for team " + route.team(),
                  Map.of("alert", alert.id(), "rule", alert.rule(), "device", alert.device(), "route", route.routeId(),
                      "team", route.team(), "policy", route.policy())))
              .compose(v -> steps.schedule(connection, id, new Step(1, 1, now.plus(route.groupWait())))));
    }));
  }

  private Future<Void> leave(long id, Alert alert) {
    Instant now = clock.instant();
    return incidents.pool().withTransaction(connection -> incidents.resolveAlert(connection, id, alert.id(), now)
            .compose(v -> incidents.append(connection, id, now, Kind.ALERT_RESOLVED, Optional.empty(), Optional.empty(),
                "alert " + alert.rule() + " on " + alert.device() + " " + (alert.suppressedBy().isPresent()
                    ? "suppressed (" + alert.suppressedBy().get() + ")" : "resolved"), alertDetails(alert)))
            .compose(v -> incidents.find(connection, id))
            .compose(found -> {
              IncidentRows.Stored stored = found.orElseThrow();
              Incident incident = stored.incident();
              if (incident.firingAlerts() > 0 || !stored.autoResolve() || incident.state() == IncidentState.RESOLVED) {
                return Future.succeededFuture(Optional.<Incident>empty());
              }
              return closer.close(connection, id, Optional.empty(), Optional.empty(), "resolved: none of its alerts fires any more",
                  Map.of(), now);
            }))
        .compose(resolved -> resolved.map(incident -> closer.tellResolved(incident, Optional.empty())).orElse(Future.succeededFuture()));
  }

  private static String title(Alert alert) {
    String summary = alert.annotations().getOrDefault("de", Map.of()).get("summary");
    String title = summary == null || summary.isBlank() ? alert.rule() : summary.strip();
    return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
  }

  private static Map<String, Object> alertDetails(Alert alert) {
    return Map.of("alert", alert.id(), "rule", alert.rule(), "device", alert.device());
  }
}
