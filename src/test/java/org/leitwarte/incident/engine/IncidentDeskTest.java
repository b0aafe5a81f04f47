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
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.incident.Acknowledger;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentConflictException;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.incident.TimelineEntry.Kind;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.testsupport.Await;

/** What people do with incidents: acknowledge, resolve, hand over, write notes; and what they may see. */
@ExtendWith(VertxExtension.class)
class IncidentDeskTest {

  private static final ApiScope ALL = ApiScope.EVERYTHING;
  private static final Optional<String> ADDRESS = Optional.of("192.0.2.10");

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
  void the_timeline_tells_the_whole_story_in_order(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    long id = scene.only().id();
    scene.advance(GROUP_WAIT);
    notifiedEntries(scene, id, 1);
    scene.advance(LEVEL_2_DELAY);
    notifiedEntries(scene, id, 2);
    Await.result(scene.service.acknowledge(id, "jschmidt", "link"));
    Await.result(scene.service.addNote(ALL, id, "jschmidt", "Stromausfall im Rathaus, Stadtwerke informiert", "web", ADDRESS));
    Await.result(scene.service.resolve(ALL, id, "jschmidt", "api", Optional.of("Strom ist wieder da"), ADDRESS));
    notifiedEntries(scene, id, 3);

    List<TimelineEntry> timeline = Await.result(scene.service.timeline(ALL, id));
    assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(
        Kind.CREATED, Kind.NOTIFIED, Kind.ESCALATED, Kind.NOTIFIED, Kind.ACKNOWLEDGED, Kind.NOTE, Kind.RESOLVED, Kind.NOTIFIED);
    assertThat(timeline.get(1).channel()).contains("email");
    assertThat(timeline.get(1).details()).containsEntry("recipient", "mmueller").containsEntry("delivered", true)
        .containsEntry("address", "mmueller@kommunal-it.example").containsEntry("attempts", 1).containsEntry("level", 1);
    assertThat(timeline.get(2).details()).containsEntry("level", 2).containsEntry("round", 1);
    assertThat(timeline.get(3).details()).containsEntry("recipient", "jschmidt").containsEntry("level", 2);
    assertThat(timeline.get(4).actor()).contains("jschmidt");
    assertThat(timeline.get(4).channel()).contains("link");
    assertThat(timeline.get(5).text()).isEqualTo("Stromausfall im Rathaus, Stadtwerke informiert");
    assertThat(timeline.get(5).actor()).contains("jschmidt");
    assertThat(timeline.get(6).actor()).contains("jschmidt");
    assertThat(timeline.get(6).details()).containsEntry("comment", "Strom ist wieder da");
    // The message that it is over, to who was paged and did not resolve it himself.
    assertThat(timeline.get(7).details()).containsEntry("recipient", "mmueller").containsEntry("level", 0);
    assertThat(timeline).extracting(TimelineEntry::at).isSorted();

    assertThat(audit(scene)).containsExactly("jschmidt incident.acknowledge incident:" + id,
        "jschmidt incident.note incident:" + id, "jschmidt incident.resolve incident:" + id);
    // Mmueller was paged and hears of the end; jschmidt resolved it himself.
    assertThat(scene.notifications.summary()).containsExactly("mmueller:TRIGGERED:1", "jschmidt:ESCALATED:2", "mmueller:RESOLVED:0");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_municipality_sees_only_its_own_incidents(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    scene.fire(firing("b1", "beispieldorf", "bauhof", "router-bauhof"));
    long theirs = scene.open().stream().filter(i -> i.tenant().equals("musterstadt")).findFirst().orElseThrow().id();
    ApiScope beispieldorf = ApiScope.ofTenant("beispieldorf");

    assertThat(Await.result(scene.service.list(beispieldorf, IncidentQuery.open()))).extracting(Incident::tenant)
        .containsExactly("beispieldorf");
    for (var attempt : List.<java.util.function.Supplier<io.vertx.core.Future<?>>>of(
        () -> scene.service.get(beispieldorf, theirs),
        () -> scene.service.timeline(beispieldorf, theirs),
        () -> scene.service.alerts(beispieldorf, theirs),
        () -> scene.service.acknowledge(beispieldorf, theirs, "mmueller", "web", ADDRESS),
        () -> scene.service.addNote(beispieldorf, theirs, "mmueller", "hallo", "web", ADDRESS))) {
      assertThat(Await.failure(attempt.get())).isInstanceOf(NotFoundException.class).hasMessage("incident " + theirs + " not found");
    }
    assertThat(Await.failure(scene.service.list(beispieldorf, IncidentQuery.open().withTenant("musterstadt"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tenant"));
    assertThat(Await.result(scene.service.get(ALL, theirs)).state()).isEqualTo(IncidentState.TRIGGERED);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_resolved_incident_cannot_be_acknowledged_noted_or_handed_over(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    long id = scene.only().id();
    Incident resolved = Await.result(scene.service.resolve(ALL, id, "mmueller", "cli", Optional.empty(), Optional.empty()));
    assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(resolved.acknowledgedBy()).contains("mmueller");

    assertThat(Await.failure(scene.service.acknowledge(ALL, id, "jschmidt", "web", ADDRESS)))
        .isInstanceOf(IncidentConflictException.class).hasMessageContaining("resolved");
    assertThat(Await.result(scene.service.acknowledge(id, "jschmidt", "link"))).isEqualTo(Acknowledger.Outcome.ALREADY_RESOLVED);
    assertThat(Await.result(scene.service.acknowledge(id + 1000, "jschmidt", "link"))).isEqualTo(Acknowledger.Outcome.NOT_FOUND);
    assertThat(Await.failure(scene.service.addNote(ALL, id, "jschmidt", "zu spät", "web", ADDRESS)))
        .isInstanceOf(IncidentConflictException.class);
    assertThat(Await.failure(scene.service.reassign(ALL, id, "jschmidt", "kweber", "web", ADDRESS)))
        .isInstanceOf(IncidentConflictException.class);
    Await.result(scene.service.resolve(ALL, id, "jschmidt", "cli", Optional.empty(), Optional.empty()));
    assertThat(Await.result(scene.service.timeline(ALL, id))).extracting(TimelineEntry::kind)
        .containsExactly(Kind.CREATED, Kind.RESOLVED);

    scene.advance(Duration.ofHours(5));
    assertThat(scene.notifications.sent).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void bad_input_is_refused_naming_the_field(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    long id = scene.only().id();

    assertThat(field(scene.service.acknowledge(ALL, id, "nobody", "web", ADDRESS))).isEqualTo("person");
    assertThat(field(scene.service.addNote(ALL, id, "mmueller", "  ", "web", ADDRESS))).isEqualTo("text");
    assertThat(field(scene.service.reassign(ALL, id, "mmueller", "nobody", "web", ADDRESS))).isEqualTo("to");
    for (int limit : new int[] {0, IncidentQuery.MAX_LIMIT + 1}) {
      assertThat(field(scene.service.list(ALL, new IncidentQuery(Set.of(), Optional.empty(), Optional.empty(), limit))))
          .isEqualTo("limit");
    }
    assertThat(Await.result(scene.service.get(ALL, id)).state()).isEqualTo(IncidentState.TRIGGERED);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_handed_over_incident_pages_the_new_assignee_at_once_and_keeps_escalating(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.fire(firing("a1", "musterstadt", "rathaus", "router-rathaus"));
    long id = scene.only().id();
    Incident handed = Await.result(scene.service.reassign(ALL, id, "mmueller", "kweber", "web", ADDRESS));

    assertThat(handed.assignee()).contains("kweber");
    assertThat(scene.notifications.summary()).containsExactly("kweber:TRIGGERED:0");
    TimelineEntry entry = IncidentServiceTest.last(Await.result(scene.service.timeline(ALL, id)), Kind.REASSIGNED);
    assertThat(entry.details()).containsEntry("from", "").containsEntry("to", "kweber");
    assertThat(entry.actor()).contains("mmueller");

    scene.advance(GROUP_WAIT);
    assertThat(scene.notifications.summary()).containsExactly("kweber:TRIGGERED:0", "mmueller:TRIGGERED:1");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void the_alerts_of_an_incident_are_listed_firing_first(Dialect dialect) {
    Scene scene = scene(dialect);
    scene.autoResolve = false;
    Alert router = firing("a1", "musterstadt", "rathaus", "router-rathaus");
    scene.fire(router);
    scene.fire(firing("a2", "musterstadt", "rathaus", "switch-rathaus"));
    scene.resolve(router);

    assertThat(Await.result(scene.service.alerts(ALL, scene.only().id()))).extracting(Alert::id).containsExactly("a2", "a1");
    assertThat(Await.result(scene.service.find(scene.only().id()))).isPresent();
    assertThat(Await.result(scene.service.find(999_999))).isEmpty();
  }

  private static String field(io.vertx.core.Future<?> future) {
    Throwable failure = Await.failure(future);
    assertThat(failure).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) failure).field();
  }

  private static void notifiedEntries(Scene scene, long id, int count) {
    Await.until(() -> scene.service.timeline(ALL, id),
        entries -> entries.stream().filter(entry -> entry.kind() == Kind.NOTIFIED).count() >= count);
  }

  private static List<String> audit(Scene scene) {
    return Await.result(scene.pool.query("SELECT actor, action, subject FROM audit_log ORDER BY id").execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
            .map(row -> row.getString("actor") + " " + row.getString("action") + " " + row.getString("subject")).toList()));
  }
}
