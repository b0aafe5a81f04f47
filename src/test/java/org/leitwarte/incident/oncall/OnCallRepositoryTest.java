package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.oncall.OnCallTimelineTest.at;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.Store;
import org.leitwarte.store.StoreFixture;

@ExtendWith(VertxExtension.class)
class OnCallRepositoryTest {

  static final Instant NOW = Instant.parse("2026-03-24T10:15:30.123456Z");

  @TempDir Path dir;
  private Vertx vertx;
  private StoreFixture stores;
  private OnCallConfig example;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    this.vertx = vertx;
    this.stores = new StoreFixture(dir);
    this.example = OnCallLoader.load(ShippedOnCallFileTest.FILE, Map.of());
  }

  @AfterEach
  void tearDown(VertxTestContext context) {
    stores.close(vertx).onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_imported_file_reads_back_identical(Dialect dialect, VertxTestContext context) {
    open(dialect)
        .compose(repository -> repository.replaceWith(example, "test").compose(summary -> Future.all(
            repository.load(), repository.people(), repository.teams()).map(all -> {
              context.verify(() -> {
                assertThat(summary.people().added()).containsExactly(
                    "mmueller", "jschmidt", "kweber", "tbecker", "akoch", "lfischer", "sschulz", "phoffmann", "uwagner");
                assertThat(summary.teams().added()).containsExactly("netz", "fachverfahren");
                assertThat(summary.schedules().added()).containsExactly("netz-rufbereitschaft", "fachverfahren-bereitschaft");
                assertThat(summary.policies().added()).containsExactly("netz-standard", "fachverfahren-standard");
                assertThat(summary).hasToString("people: 9 added, 0 changed, 0 removed, 0 unchanged;"
                    + " teams: 2 added, 0 changed, 0 removed, 0 unchanged;"
                    + " schedules: 2 added, 0 changed, 0 removed, 0 unchanged;"
                    + " policies: 2 added, 0 changed, 0 removed, 0 unchanged");
                assertThat(all.<OnCallConfig>resultAt(0)).isEqualTo(example);
                assertThat(all.<List<Person>>resultAt(1)).isEqualTo(example.people());
                assertThat(all.<List<Team>>resultAt(2)).isEqualTo(example.teams());
              });
              return null;
            })))
        .onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_reimport_adds_changes_and_removes_and_is_recorded_in_the_audit_log(Dialect dialect, VertxTestContext context) {
    OnCallConfig changed = changedExample();
    Future<Store> store = stores.open(vertx, dialect);
    store.map(s -> new OnCallRepository(s.pool()))
        .compose(repository -> repository.replaceWith(example, "first")
            .compose(first -> repository.replaceWith(changed, "cli:alice"))
            .compose(summary -> repository.load().map(loaded -> {
              context.verify(() -> assertThat(loaded).isEqualTo(changed));
              return summary;
            })))
        .compose(summary -> auditLog(store.result()).map(audit -> {
          context.verify(() -> {
            assertThat(summary.people()).isEqualTo(new OnCallImportSummary.Changes(
                List.of("hlange"), List.of("kweber"), List.of("uwagner"), 7));
            assertThat(summary.teams()).isEqualTo(new OnCallImportSummary.Changes(
                List.of(), List.of("fachverfahren"), List.of(), 1));
            assertThat(summary.schedules()).isEqualTo(new OnCallImportSummary.Changes(
                List.of(), List.of("netz-rufbereitschaft"), List.of(), 1));
            assertThat(summary.policies()).isEqualTo(new OnCallImportSummary.Changes(
                List.of(), List.of("fachverfahren-standard"), List.of(), 1));
            assertThat(audit).extracting(r -> r.getString("actor")).containsExactly("first", "cli:alice");
            Row last = audit.get(1);
            assertThat(last.getString("action")).isEqualTo("oncall.import");
            assertThat(last.getString("subject")).isEqualTo("oncall");
            assertThat(last.getString("address")).isNull();
            assertThat(new JsonObject(last.getString("detail"))).isEqualTo(new JsonObject("""
                {"people": {"added": ["hlange"], "changed": ["kweber"], "removed": ["uwagner"], "unchanged": 7},
                 "teams": {"added": [], "changed": ["fachverfahren"], "removed": [], "unchanged": 1},
                 "schedules": {"added": [], "changed": ["netz-rufbereitschaft"], "removed": [], "unchanged": 1},
                 "policies": {"added": [], "changed": ["fachverfahren-standard"], "removed": [], "unchanged": 1}}
                """));
          });
          return null;
        }))
        .onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_import_that_fails_midway_leaves_what_was_stored(Dialect dialect, VertxTestContext context) {
    // A member who is not among the people breaks the foreign key after people and teams were written.
    OnCallConfig broken = new OnCallConfig(List.of(), List.of(new Team("netz", "Netz", List.of("niemand"), Optional.empty())),
        List.of(), List.of(), Map.of());
    Future<Store> store = stores.open(vertx, dialect);
    store.map(s -> new OnCallRepository(s.pool()))
        .compose(repository -> repository.replaceWith(example, "first")
            .compose(first -> repository.replaceWith(broken, "second")
                .transform(attempt -> {
                  context.verify(() -> assertThat(attempt.failed()).as("import of a broken config fails").isTrue());
                  return repository.load();
                })))
        .compose(loaded -> auditLog(store.result()).map(audit -> {
          context.verify(() -> {
            assertThat(loaded).isEqualTo(example);
            assertThat(audit).extracting(r -> r.getString("actor")).containsExactly("first");
          });
          return null;
        }))
        .onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void overrides_are_added_listed_and_removed_with_audit_rows(Dialect dialect, VertxTestContext context) {
    Future<Store> store = stores.open(vertx, dialect);
    List<Long> ids = new ArrayList<>();
    store.map(s -> new OnCallRepository(s.pool(), Clock.fixed(NOW, ZoneOffset.UTC), Map.of()))
        .compose(repository -> repository.replaceWith(example, "first")
            .compose(v -> repository.addOverride("netz-rufbereitschaft", "mmueller", at("2026-03-24T09:00"),
                at("2026-03-27T17:00"), "Krankheit: Jan wird vertreten", "web:akoch", Optional.of("127.0.0.1")))
            .compose(id -> {
              ids.add(id);
              return repository.addOverride("netz-rufbereitschaft", "kweber", at("2026-04-01T09:00"),
                  at("2026-04-02T09:00:00.000999"), "Tausch", "cli:akoch", Optional.empty());
            })
            .compose(id -> {
              ids.add(id);
              return repository.addOverride("fachverfahren-bereitschaft", "lfischer", at("2026-03-25T00:00"),
                  at("2026-03-26T00:00"), "Urlaub", "cli:uwagner", Optional.empty());
            })
            .compose(id -> {
              ids.add(id);
              return Future.all(
                  repository.overrides("netz-rufbereitschaft", at("2026-03-23T00:00"), at("2026-03-30T00:00")),
                  repository.overrides("netz-rufbereitschaft", at("2026-03-27T17:00"), at("2026-04-01T09:00")),
                  repository.overridesEndingAfter(at("2026-03-26T00:00")));
            })
            .compose(lists -> {
              context.verify(() -> {
                assertThat(lists.<List<StoredOverride>>resultAt(0)).containsExactly(new StoredOverride(
                    ids.get(0), "netz-rufbereitschaft",
                    new ScheduleOverride("mmueller", at("2026-03-24T09:00"), at("2026-03-27T17:00"), "Krankheit: Jan wird vertreten"),
                    "web:akoch", Instant.parse("2026-03-24T10:15:30.123Z")));
                assertThat(lists.<List<StoredOverride>>resultAt(1)).as("ranges that only touch do not overlap").isEmpty();
                assertThat(lists.<List<StoredOverride>>resultAt(2)).extracting(StoredOverride::id)
                    .containsExactly(ids.get(0), ids.get(1));
                assertThat(lists.<List<StoredOverride>>resultAt(2).get(1).override().end())
                    .as("kept to the millisecond").isEqualTo(at("2026-04-02T09:00"));
              });
              return repository.removeOverride(ids.get(0), "web:akoch", Optional.of("127.0.0.1"));
            })
            .compose(removed -> repository.removeOverride(ids.get(0), "web:akoch", Optional.empty()).map(again -> List.of(removed, again)))
            .compose(removals -> repository.overridesEndingAfter(Instant.EPOCH).map(left -> {
              context.verify(() -> {
                assertThat(removals).containsExactly(true, false);
                assertThat(left).extracting(StoredOverride::id).containsExactly(ids.get(1), ids.get(2));
              });
              return null;
            })))
        .compose(v -> auditLog(store.result()))
        .onComplete(context.succeeding(audit -> context.verify(() -> {
          assertThat(audit).extracting(r -> r.getString("action"), r -> r.getString("subject"), r -> r.getString("actor"),
                  r -> r.getString("address"))
              .containsExactly(
                  org.assertj.core.api.Assertions.tuple("oncall.import", "oncall", "first", null),
                  org.assertj.core.api.Assertions.tuple("oncall.override.create", "oncall-override:" + ids.get(0), "web:akoch", "127.0.0.1"),
                  org.assertj.core.api.Assertions.tuple("oncall.override.create", "oncall-override:" + ids.get(1), "cli:akoch", null),
                  org.assertj.core.api.Assertions.tuple("oncall.override.create", "oncall-override:" + ids.get(2), "cli:uwagner", null),
                  org.assertj.core.api.Assertions.tuple("oncall.override.delete", "oncall-override:" + ids.get(0), "web:akoch", "127.0.0.1"));
          JsonObject created = new JsonObject("""
              {"schedule": "netz-rufbereitschaft", "person": "mmueller", "start": "2026-03-24T08:00:00Z",
               "end": "2026-03-27T16:00:00Z", "reason": "Krankheit: Jan wird vertreten"}
              """);
          assertThat(new JsonObject(audit.get(1).getString("detail"))).isEqualTo(created);
          assertThat(new JsonObject(audit.get(4).getString("detail"))).isEqualTo(created.copy()
              .put("created_by", "web:akoch").put("created_at", "2026-03-24T10:15:30.123Z"));
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_override_for_an_unknown_schedule_or_person_or_ending_before_it_starts_is_refused(
      Dialect dialect, VertxTestContext context) {
    open(dialect)
        .compose(repository -> repository.replaceWith(example, "first").compose(v -> {
          List<Future<Long>> attempts = List.of(
              repository.addOverride("netz", "mmueller", NOW, NOW.plusSeconds(60), "x", "a", Optional.empty()),
              repository.addOverride("netz-rufbereitschaft", "mmuller", NOW, NOW.plusSeconds(60), "x", "a", Optional.empty()),
              repository.addOverride("netz-rufbereitschaft", "mmueller", NOW, NOW, "x", "a", Optional.empty()),
              repository.addOverride("netz-rufbereitschaft", "mmueller", NOW, NOW.plusSeconds(60), " ", "a", Optional.empty()));
          return Future.join(attempts).transform(all -> {
            Instant millis = NOW.truncatedTo(ChronoUnit.MILLIS);
            context.verify(() -> assertThat(attempts).extracting(attempt -> attempt.cause().getMessage()).containsExactly(
                "schedule: unknown schedule 'netz'",
                "person: unknown person 'mmuller'",
                "end: must be after start (" + millis + "), got " + millis,
                "reason: must not be blank"));
            return repository.overridesEndingAfter(Instant.EPOCH);
          });
        }))
        .onComplete(context.succeeding(left -> context.verify(() -> {
          assertThat(left).isEmpty();
          context.completeNow();
        })));
  }

  /** The example with one person added, one changed, one removed, and what referred to the removed one changed. */
  private OnCallConfig changedExample() {
    List<Person> people = new ArrayList<>();
    for (Person person : example.people()) {
      if (person.id().equals("kweber")) {
        people.add(new Person("kweber", "Katrin Weber", person.email(), Optional.of("+4917000000000"), Optional.empty(), "de"));
      } else if (!person.id().equals("uwagner")) {
        people.add(person);
      }
    }
    people.add(new Person("hlange", "Hannah Lange", Optional.of("h.lange@kdo.example"), Optional.empty(), Optional.empty(), "de"));
    List<Team> teams = example.teams().stream()
        .map(team -> team.id().equals("fachverfahren")
            ? new Team(team.id(), team.name(), List.of("lfischer", "sschulz", "phoffmann"), team.policy())
            : team)
        .toList();
    List<OnCallSchedule> schedules = example.schedules().stream()
        .map(s -> s.id().equals("netz-rufbereitschaft")
            ? new OnCallSchedule(s.id(), s.name(), s.team(), s.zone(), s.layers(), List.of())
            : s)
        .toList();
    List<EscalationPolicy> policies = example.policies().stream()
        .map(p -> p.id().equals("fachverfahren-standard")
            ? new EscalationPolicy(p.id(), p.name(), List.of(p.levels().get(0),
                new Level(Duration.ofMinutes(20), List.of(new Target.OnePerson("akoch")))), p.repeat())
            : p)
        .toList();
    return new OnCallConfig(people, teams, schedules, policies, example.webhooks());
  }

  private Future<OnCallRepository> open(Dialect dialect) {
    return stores.open(vertx, dialect).map(store -> new OnCallRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC), Map.of()));
  }

  static Future<List<Row>> auditLog(Store store) {
    return store.pool().query("SELECT actor, action, subject, detail, address FROM audit_log ORDER BY id").execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList());
  }
}
