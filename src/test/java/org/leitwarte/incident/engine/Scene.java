package org.leitwarte.incident.engine;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.routing.MatchedRoute;
import org.leitwarte.testsupport.Await;
import org.leitwarte.testsupport.MutableClock;

/**
 * A night at the cooperative: team "netz" has Martina Müller on call (level 1) and Jonas Schmidt as
 * level 2 five minutes later; routes group by site, wait 30 s, repeat every 4 h. The clock is driven.
 */
final class Scene {

  /** 02:00 in Berlin. */
  static final Instant NIGHT = Instant.parse("2026-01-10T01:00:00Z");
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration LEVEL_2_DELAY = Duration.ofMinutes(5);

  final Vertx vertx;
  final Pool pool;
  final MutableClock clock = new MutableClock(NIGHT);
  final RecordingNotifications notifications = new RecordingNotifications(clock);
  final Directory directory = new Directory();
  final AlertRepository alerts;
  volatile boolean autoResolve = true;
  IncidentService service;

  Scene(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
    this.alerts = new AlertRepository(pool, clock);
  }

  /** Makes and starts a service on the store (again, for a restart). */
  IncidentService start() {
    service = IncidentService.create(vertx, pool, clock, () -> labels -> List.of(route()), directory, notifications,
        (incident, person) -> URI.create("https://leitwarte.example/ack/" + incident + "/" + person));
    Await.result(service.start());
    return service;
  }

  MatchedRoute route() {
    return new MatchedRoute("netz", "netz", "netz-standard", List.of("site"), GROUP_WAIT, Duration.ofMinutes(5),
        Duration.ofHours(4), autoResolve);
  }

  void advance(Duration duration) {
    clock.advance(duration);
    Await.result(service.tick());
  }

  static Alert alert(String id, String tenant, String site, String device, Severity severity, AlertState state) {
    return new Alert(id, "device_unreachable", severity, state,
        Map.of("tenant", tenant, "site", site, "device", device, "alertname", "device_unreachable", "severity", severity.label()),
        Map.of("de", Map.of("summary", device + " ist nicht erreichbar"), "en", Map.of("summary", device + " is unreachable")),
        NIGHT, NIGHT, Optional.empty(), Optional.empty(), false);
  }

  static Alert firing(String id, String tenant, String site, String device) {
    return alert(id, tenant, site, device, Severity.CRITICAL, AlertState.FIRING);
  }

  /** The alert fires: kept in the alert store as the evaluator does, then handed to the engine. */
  void fire(Alert alert) {
    AlertChange change = new AlertChange(alert, Optional.of(AlertState.PENDING), Optional.empty(), clock.instant());
    Await.result(alerts.record(List.of(change)));
    Await.result(service.accept(change));
  }

  void resolve(Alert alert) {
    Alert resolved = new Alert(alert.id(), alert.rule(), alert.severity(), AlertState.RESOLVED, alert.labels(),
        alert.annotations(), alert.activeSince(), clock.instant(), alert.value(), alert.suppressedBy(), alert.flapping());
    AlertChange change = new AlertChange(resolved, Optional.of(AlertState.FIRING), Optional.empty(), clock.instant());
    Await.result(alerts.record(List.of(change)));
    Await.result(service.accept(change));
  }

  List<Incident> open() {
    return Await.result(service.list(org.leitwarte.alerting.history.ApiScope.EVERYTHING, org.leitwarte.incident.IncidentQuery.open()));
  }

  Incident only() {
    List<Incident> open = open();
    if (open.size() != 1) {
      throw new AssertionError("expected one open incident, got " + open);
    }
    return open.get(0);
  }

  static Person person(String id, String name) {
    return new Person(id, name, Optional.of(id + "@kommunal-it.example"), Optional.empty(), Optional.empty(), "de");
  }

  /** People, team, policy and one schedule whose on-call person the test can change (a hand-over). */
  static final class Directory implements OnCallDirectory {
    final Map<String, Person> people = new ConcurrentHashMap<>(Map.of(
        "mmueller", Scene.person("mmueller", "Martina Müller"),
        "jschmidt", Scene.person("jschmidt", "Jonas Schmidt"),
        "kweber", Scene.person("kweber", "Katrin Weber")));
    final List<String> onCall = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("mmueller"));
    volatile EscalationPolicy policy = new EscalationPolicy("netz-standard", "Netz", List.of(
        new Level(Duration.ZERO, List.of(new Target.OnCall("netz-rufbereitschaft"))),
        new Level(LEVEL_2_DELAY, List.of(new Target.OnePerson("jschmidt")))), 0);

    @Override
    public Optional<Person> person(String id) {
      return Optional.ofNullable(people.get(id));
    }

    @Override
    public Optional<Team> team(String id) {
      return id.equals("netz") ? Optional.of(new Team("netz", "Netz", List.of("mmueller", "jschmidt"), Optional.of("netz-standard")))
          : Optional.empty();
    }

    @Override
    public Optional<EscalationPolicy> policy(String id) {
      return Optional.of(policy).filter(p -> p.id().equals(id));
    }

    @Override
    public List<Person> onCall(String schedule, Instant at) {
      List<Person> found = new ArrayList<>();
      if (schedule.equals("netz-rufbereitschaft")) {
        onCall.forEach(id -> person(id).ifPresent(found::add));
      }
      return found;
    }
  }
}
