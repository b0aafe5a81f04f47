package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.oncall.OnCallTimelineTest.at;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.oncall.Shift.Source.FromLayer;
import org.leitwarte.incident.oncall.Shift.Source.FromOverride;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;

/** The directory over the shipped oncall.yaml and overrides made at run time in the store. */
@ExtendWith(VertxExtension.class)
class LiveOnCallDirectoryTest {

  /** Wednesday of the week that is tbecker's (turn 11 of netz-rufbereitschaft's Wochendienst). */
  static final Instant WEDNESDAY = at("2026-03-25T10:00");

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
  void an_override_made_in_the_store_decides_who_is_on_call_until_it_is_removed(Dialect dialect, VertxTestContext context) {
    LiveOnCallDirectory directory = new LiveOnCallDirectory(OnCallSnapshot.of(example));
    stores.open(vertx, dialect)
        .map(store -> new OnCallRepository(store.pool()))
        .compose(repository -> repository.replaceWith(example, "test")
            .compose(v -> {
              context.verify(() -> assertThat(ids(directory.onCall("netz-rufbereitschaft", WEDNESDAY))).containsExactly("tbecker"));
              return repository.addOverride("netz-rufbereitschaft", "mmueller", at("2026-03-25T08:00"),
                  at("2026-03-27T17:00"), "Krankheit: Thomas wird vertreten", "web:akoch", Optional.of("127.0.0.1"));
            })
            .compose(id -> directory.refreshOverrides(repository, WEDNESDAY).map(snapshot -> {
              context.verify(() -> {
                assertThat(ids(directory.onCall("netz-rufbereitschaft", WEDNESDAY))).containsExactly("mmueller");
                assertThat(ids(directory.onCall("netz-rufbereitschaft", at("2026-03-27T17:00")))).containsExactly("tbecker");
                assertThat(ids(directory.resolve(new Target.OnCall("netz-rufbereitschaft"), WEDNESDAY))).containsExactly("mmueller");
                assertThat(snapshot.shifts("netz-rufbereitschaft", at("2026-03-25T00:00"), at("2026-03-28T00:00")))
                    .containsExactly(
                        new Shift("tbecker", at("2026-03-25T00:00"), at("2026-03-25T08:00"), new FromLayer("Wochendienst")),
                        new Shift("mmueller", at("2026-03-25T08:00"), at("2026-03-27T17:00"),
                            new FromOverride("Krankheit: Thomas wird vertreten")),
                        new Shift("tbecker", at("2026-03-27T17:00"), at("2026-03-28T00:00"), new FromLayer("Wochendienst")));
              });
              return id;
            }))
            .compose(id -> repository.removeOverride(id, "web:akoch", Optional.empty()))
            .compose(removed -> directory.refreshOverrides(repository, WEDNESDAY)))
        .onComplete(context.succeeding(snapshot -> context.verify(() -> {
          assertThat(snapshot.storedOverrides()).isEmpty();
          assertThat(ids(directory.onCall("netz-rufbereitschaft", WEDNESDAY))).containsExactly("tbecker");
          context.completeNow();
        })));
  }

  @Test
  void targets_resolve_to_the_people_they_stand_for() {
    OnCallSnapshot directory = OnCallSnapshot.of(example);

    assertThat(ids(directory.resolve(new Target.OnCall("netz-rufbereitschaft"), WEDNESDAY))).containsExactly("tbecker");
    assertThat(ids(directory.resolve(new Target.OnePerson("akoch"), WEDNESDAY))).containsExactly("akoch");
    assertThat(ids(directory.resolve(new Target.WholeTeam("fachverfahren"), WEDNESDAY)))
        .containsExactly("lfischer", "sschulz", "phoffmann", "uwagner");
    assertThat(directory.onCall("no-such-schedule", WEDNESDAY)).isEmpty();
    assertThat(directory.policy("netz-standard")).isPresent();
    assertThat(directory.team("netz").flatMap(t -> t.policy())).contains("netz-standard");
  }

  @Test
  void stored_overrides_for_a_schedule_or_person_no_longer_in_the_file_are_ignored() {
    StoredOverride unknownPerson = stored(1, "netz-rufbereitschaft", "ehemalig");
    StoredOverride unknownSchedule = stored(2, "alt", "mmueller");
    StoredOverride good = stored(3, "netz-rufbereitschaft", "akoch");

    OnCallSnapshot snapshot = OnCallSnapshot.of(example).withOverrides(List.of(unknownPerson, unknownSchedule, good));

    assertThat(snapshot.storedOverrides()).containsExactly(good);
    assertThat(snapshot.whoIsOnCall("netz-rufbereitschaft", WEDNESDAY)).contains("akoch");
  }

  @Test
  void a_reloaded_file_keeps_the_stored_overrides() {
    LiveOnCallDirectory directory =
        new LiveOnCallDirectory(OnCallSnapshot.of(example).withOverrides(List.of(stored(3, "netz-rufbereitschaft", "akoch"))));
    OnCallConfig withoutAkoch = new OnCallConfig(
        example.people().stream().filter(p -> !p.id().equals("akoch")).toList(), example.teams(), example.schedules(),
        example.policies(), example.webhooks());

    directory.replaceConfig(example);
    assertThat(ids(directory.onCall("netz-rufbereitschaft", WEDNESDAY))).containsExactly("akoch");
    directory.replaceConfig(withoutAkoch);
    assertThat(ids(directory.onCall("netz-rufbereitschaft", WEDNESDAY))).containsExactly("tbecker");
  }

  private static StoredOverride stored(long id, String schedule, String person) {
    return new StoredOverride(id, schedule,
        new ScheduleOverride(person, at("2026-03-25T00:00"), at("2026-03-26T00:00"), "Test"), "test", Instant.EPOCH);
  }

  private static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).toList();
  }
}
