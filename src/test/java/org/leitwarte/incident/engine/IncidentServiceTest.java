package org.leitwarte.incident.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.engine.Scene.GROUP_WAIT;
import static org.leitwarte.incident.engine.Scene.LEVEL_2_DELAY;
import static org.leitwarte.incident.engine.Scene.firing;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.EventAddresses;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.incident.Acknowledger;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.testsupport.Await;

/** Alerts become incidents, and incidents page people level by level until someone acknowledges. */
@ExtendWith(VertxExtension.class)
class IncidentServiceTest {

  @TempDir Path dir;
  private Vertx vertx;
  private StoreFixture stores;
  private final List<Scene> scenes = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.stores = new StoreFixture(dir);
  }

  @AfterEach
  void tearDown() {
    scenes.forEach(scene -> Await.result(scene.service.stop()));
    Await.result(stores.close(vertx));
  }

  private Scene scene(Dialect dialect) {
    Scene scene = new Scene(vertx, Await.result(stores.open(vertx, dialect)).pool());
    scenes.add(scene);
    scene.start();
    return scene;
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_critical_alert_makes_an_incident_and_pages_the_on_call_engineer_after_group_wait(Dialect dialect) {
    Scene scene = scene(dialect);
    Alert router = firing("a1", "musterstadt", "rathaus", "router-rathaus");
    scene.fire(router);

    Incident incident = scene.only();
    assertThat(incident.title()).isEqualTo("router-rathaus ist nicht erreichbar");
    assertThat(incident.state()).isEqualTo(IncidentState.TRIGGERED);
    assertThat(incident.severity()).isEqualTo("critical");
    assertThat(incident.team()).isEqualTo("netz");
    assertThat(incident.policy()).isEqualTo("netz-standard");
    assertThat(incident.tenant()).isEqualTo("musterstadt");
    assertThat(incident.groupLabels()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("site", "rathaus", "tenant", "musterstadt"));
    assertThat(incident.firingAlerts()).isEqualTo(1);

    scene.advance(GROUP_WAIT.minusSeconds(1));
    assertThat(scene.notifications.sent).isEmpty();

    scene.advance(Duration.ofSeconds(1));
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1");
    Notification page = scene.notifications.sent.get(0);
    assertThat(page.incident().id()).isEqualTo(incident.id());
    assertThat(page.alerts()).extracting(Alert::id).containsExactly("a1");
    assertThat(page.acknowledgeLink()).hasToString("https://leitwarte.example/ack/" + incident.id() + "/mmueller");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_second_alert_of_the_same_site_joins_the_incident_and_nobody_is_paged_twice(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(Duration.ofSeconds(10));
    scene.fire(Scene.alert("a2", "musterstadt", "rathaus", "switch-rathaus", Severity.WARNING, AlertState.FIRING));

    Incident incident = scene.only();
    assertThat(incident.alerts()).isEqualTo(2);
    assertThat(incident.severity()).isEqualTo("critical");

    scene.advance(GROUP_WAIT);
    scene.advance(Duration.ofSeconds(1));
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1");
    assertThat(scene.notifications.sent.get(0).alerts()).extracting(Alert::id).containsExactlyInAnyOrder("a1", "a2");
    assertThat(kinds(scene, incident)).containsSubsequence(TimelineEntry.Kind.CREATED, TimelineEntry.Kind.ALERT_ADDED);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void the_same_site_of_another_municipality_is_another_incident(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.fire(firing("b1", "beispieldorf", "rathaus", "router-rathaus"));

    assertThat(scene.open()).extracting(Incident::tenant).containsExactlyInAnyOrder("musterstadt", "beispieldorf");
    assertThat(Await.result(scene.service.openCounts())).isEqualTo(Map.of(IncidentState.TRIGGERED, 2L));
    scene.advance(GROUP_WAIT);
    assertThat(scene.notifications.sent).extracting(n -> n.incident().tenant()).containsExactlyInAnyOrder("musterstadt", "beispieldorf");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void without_acknowledgement_level_two_is_paged_after_its_delay(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(GROUP_WAIT);
    scene.advance(LEVEL_2_DELAY.minusSeconds(1));
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1");

    scene.advance(Duration.ofSeconds(1));
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1", "jschmidt:ESCALATED:2");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_acknowledgement_stops_the_escalation_for_good(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(GROUP_WAIT);
    long id = scene.only().id();

    assertThat(Await.result(scene.service.acknowledge(id, "mmueller", "link"))).isEqualTo(Acknowledger.Outcome.ACKNOWLEDGED);
    assertThat(Await.result(scene.service.acknowledge(id, "jschmidt", "email"))).isEqualTo(Acknowledger.Outcome.ALREADY_ACKNOWLEDGED);
    for (int i = 0; i < 12; i++) {
      scene.advance(Duration.ofHours(1));
    }

    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1");
    Incident incident = Await.result(scene.service.get(ApiScope.EVERYTHING, id));
    assertThat(incident.state()).isEqualTo(IncidentState.ACKNOWLEDGED);
    assertThat(Await.result(scene.service.openCounts())).isEqualTo(Map.of(IncidentState.ACKNOWLEDGED, 1L));
    assertThat(incident.acknowledgedBy()).contains("mmueller");
    assertThat(incident.assignee()).contains("mmueller");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_restart_between_level_one_and_two_neither_loses_level_two_nor_repeats_level_one(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(GROUP_WAIT);
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1");

    Await.result(scene.service.stop());
    scene.notifications.sent.clear();
    scene.clock.advance(Duration.ofMinutes(2));
    scene.start();
    scene.advance(LEVEL_2_DELAY.minusMinutes(2).minusSeconds(1));
    assertThat(scene.notifications.sent).isEmpty();

    scene.advance(Duration.ofSeconds(1));
    scene.advance(Duration.ofSeconds(1));
    assertThat(scene.notifications.summary()).containsExactly("jschmidt:ESCALATED:2");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_step_that_fell_due_while_leitwarte_was_down_runs_once_right_at_start(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(GROUP_WAIT);
    Await.result(scene.service.stop());

    scene.clock.advance(Duration.ofMinutes(20));
    scene.start();
    scene.advance(Duration.ofSeconds(1));

    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1", "jschmidt:ESCALATED:2");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_notifier_that_never_answers_or_fails_does_not_delay_level_two(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.notifications.behaviour = RecordingNotifications.Behaviour.NEVER_ANSWER;
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(GROUP_WAIT);
    scene.notifications.behaviour = RecordingNotifications.Behaviour.FAIL;
    scene.advance(LEVEL_2_DELAY);

    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1", "jschmidt:ESCALATED:2");
    List<TimelineEntry> timeline = Await.until(() -> scene.service.timeline(ApiScope.EVERYTHING, scene.only().id()),
        entries -> entries.stream().anyMatch(e -> e.kind() == TimelineEntry.Kind.NOTIFIED));
    TimelineEntry failed = timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.NOTIFIED).findFirst().orElseThrow();
    assertThat(failed.details()).containsEntry("recipient", "jschmidt").containsEntry("delivered", false)
        .containsEntry("detail", "connection refused").containsEntry("attempts", 4).containsEntry("level", 2);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_incident_resolves_itself_when_its_alerts_resolve_and_tells_who_was_paged(Dialect dialect) {
    Scene scene = scene(dialect);
    Alert router = firing("a1", "musterstadt", "rathaus", "router-rathaus");
    Alert switch1 = firing("a2", "musterstadt", "rathaus", "switch-rathaus");
    scene.fire(router);
    scene.fire(switch1);
    scene.advance(GROUP_WAIT);
    long id = scene.only().id();

    scene.resolve(router);
    assertThat(scene.only().firingAlerts()).isEqualTo(1);
    scene.resolve(switch1);

    Incident incident = Await.result(scene.service.get(ApiScope.EVERYTHING, id));
    assertThat(incident.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(incident.resolvedAt()).contains(scene.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1", "mmueller:RESOLVED:0");
    TimelineEntry resolved = last(Await.result(scene.service.timeline(ApiScope.EVERYTHING, id)), TimelineEntry.Kind.RESOLVED);
    assertThat(resolved.actor()).isEmpty();

    scene.advance(Duration.ofHours(1));
    assertThat(scene.notifications.sent).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void without_auto_resolve_the_incident_stays_open_until_someone_resolves_it(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.autoResolve = false;
    Alert router = firing("a1", "musterstadt", "rathaus", "router-rathaus");
    scene.fire(router);
    scene.resolve(router);

    Incident incident = scene.only();
    assertThat(incident.state()).isEqualTo(IncidentState.TRIGGERED);
    assertThat(incident.firingAlerts()).isZero();
    assertThat(kinds(scene, incident)).containsExactly(TimelineEntry.Kind.CREATED, TimelineEntry.Kind.ALERT_RESOLVED);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_alert_that_fires_again_after_its_incident_was_resolved_makes_a_new_incident(Dialect dialect) {
    Scene scene = scene(dialect);
    Alert router = firing("a1", "musterstadt", "rathaus", "router-rathaus");
    scene.fire(router);
    long first = scene.only().id();
    scene.resolve(router);
    assertThat(scene.open()).isEmpty();

    scene.fire(router);
    assertThat(scene.only().id()).isNotEqualTo(first);
    assertThat(Await.result(scene.service.list(ApiScope.EVERYTHING,
        new IncidentQuery(java.util.Set.of(), Optional.empty(), Optional.empty(), 10)))).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_alert_change_on_the_event_bus_makes_an_incident(Dialect dialect) {
    Scene scene = scene(dialect);
    Alert router = firing("a1", "musterstadt", "rathaus", "router-rathaus");
    vertx.eventBus().publish(EventAddresses.ALERTS,
        new AlertChange(router, Optional.of(AlertState.PENDING), Optional.empty(), scene.clock.instant()));

    List<Incident> open = Await.until(() -> scene.service.list(ApiScope.EVERYTHING, IncidentQuery.open()), list -> !list.isEmpty());
    assertThat(open).extracting(Incident::title).containsExactly("router-rathaus ist nicht erreichbar");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void with_nobody_on_call_the_timeline_says_so_and_the_next_level_is_paged_at_once(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.directory.onCall.clear();
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.advance(GROUP_WAIT);
    scene.advance(Duration.ofSeconds(1));

    assertThat(scene.notifications.summary()).containsExactly("jschmidt:ESCALATED:2");
    TimelineEntry nobody = Await.result(scene.service.timeline(ApiScope.EVERYTHING, scene.only().id())).stream()
        .filter(entry -> entry.kind() == TimelineEntry.Kind.NOTIFIED).findFirst().orElseThrow();
    assertThat(nobody.text()).contains("nobody on call");
    assertThat(nobody.details()).containsEntry("delivered", false).containsEntry("level", 1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void the_person_on_call_at_the_moment_of_the_step_is_paged(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.directory.onCall.set(0, "kweber");
    scene.advance(GROUP_WAIT);

    assertThat(scene.notifications.summary()).containsExactly("kweber:TRIGGERED:1");
  }

  private static List<TimelineEntry.Kind> kinds(Scene scene, Incident incident) {
    return Await.result(scene.service.timeline(ApiScope.EVERYTHING, incident.id())).stream().map(TimelineEntry::kind).toList();
  }

  static TimelineEntry last(List<TimelineEntry> timeline, TimelineEntry.Kind kind) {
    return timeline.stream().filter(entry -> entry.kind() == kind).reduce((a, b) -> b).orElseThrow(
        () -> new AssertionError("no " + kind + " in " + timeline));
  }
}
