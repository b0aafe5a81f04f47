package org.leitwarte.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.maintenance.Schedule.OneOff;
import org.leitwarte.alerting.maintenance.Schedule.Recurring;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;

@ExtendWith(VertxExtension.class)
class MaintenanceRepositoryTest {

  /** Sub-millisecond on purpose: the store keeps milliseconds. */
  private static final Instant NOW = Instant.parse("2026-03-10T09:30:00.123456Z");
  private static final Instant NOW_MILLIS = Instant.parse("2026-03-10T09:30:00.123Z");
  private static final Recurring TUESDAY_NIGHT =
      Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", ZoneId.of("Europe/Berlin"));
  private static final OneOff YESTERDAY =
      new OneOff(Instant.parse("2026-03-09T20:00:00Z"), Instant.parse("2026-03-09T22:00:00Z"));
  private static final List<Matcher> WR_ROUTER = MaintenanceWindow.labelScope(Map.of("tenant", "wr", "device", "wr-router"));

  @TempDir Path dir;
  private Vertx vertx;
  private StoreFixture stores;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.stores = new StoreFixture(dir);
  }

  @AfterEach
  void tearDown(VertxTestContext context) {
    stores.close(vertx).onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_created_window_reads_back_as_written_with_an_audit_row(Dialect dialect, VertxTestContext context) {
    stores.open(vertx, dialect).compose(store -> {
      MaintenanceRepository repository = new MaintenanceRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
      return repository.create(WR_ROUTER, TUESDAY_NIGHT, "alice", "router firmware, ticket 4711")
          .compose(id -> repository.get(id).compose(window -> auditRows(store.pool())
              .map(audit -> new Object[] {id, window, audit})));
    }).onComplete(context.succeeding(result -> context.verify(() -> {
      long id = (Long) result[0];
      assertThat(result[1]).isEqualTo(Optional.of(new MaintenanceWindow(
          id, WR_ROUTER, TUESDAY_NIGHT, "alice", "router firmware, ticket 4711", NOW_MILLIS, Optional.empty())));
      @SuppressWarnings("unchecked")
      List<JsonObject> audit = (List<JsonObject>) result[2];
      assertThat(audit).hasSize(1);
      assertThat(audit.get(0).getString("actor")).isEqualTo("alice");
      assertThat(audit.get(0).getString("action")).isEqualTo("maintenance.create");
      assertThat(audit.get(0).getString("subject")).isEqualTo("maintenance:" + id);
      JsonObject detail = new JsonObject(audit.get(0).getString("detail"));
      assertThat(detail.getJsonArray("scope").getList()).containsExactly("device=\"wr-router\"", "tenant=\"wr\"");
      assertThat(detail.getJsonObject("schedule").getJsonArray("weekdays").getList()).containsExactly("tuesday");
      assertThat(detail.getString("comment")).isEqualTo("router firmware, ticket 4711");
      context.completeNow();
    })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void windows_are_listed_all_current_and_by_tenant(Dialect dialect, VertxTestContext context) {
    stores.open(vertx, dialect).compose(store -> {
      MaintenanceRepository repository = new MaintenanceRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
      return repository.create(WR_ROUTER, TUESDAY_NIGHT, "alice", "weekly router window")
          .compose(weekly -> repository.create(MaintenanceWindow.tenantScope("il"), YESTERDAY, "bob", "il move"))
          .compose(past -> repository.create(MaintenanceWindow.deviceScope("kdo-core"), TUESDAY_NIGHT, "carol", "core"))
          .compose(untenanted -> Future.all(
              repository.all(), repository.current(NOW), repository.ofTenant("wr"), repository.ofTenant("il")))
          .map(all -> List.<List<MaintenanceWindow>>of(all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3)));
    }).onComplete(context.succeeding(lists -> context.verify(() -> {
      assertThat(comments(lists.get(0))).as("all, newest first").containsExactly("core", "il move", "weekly router window");
      assertThat(comments(lists.get(1))).as("current: the past one-off window is over").containsExactly("core", "weekly router window");
      assertThat(comments(lists.get(2))).as("tenant wr").containsExactly("weekly router window");
      assertThat(comments(lists.get(3))).as("tenant il, also past windows").containsExactly("il move");
      context.completeNow();
    })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_expired_window_is_kept_stops_being_current_and_is_audited_once(Dialect dialect, VertxTestContext context) {
    Instant later = NOW.plusSeconds(3600);
    stores.open(vertx, dialect).compose(store -> {
      MaintenanceRepository creating = new MaintenanceRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
      MaintenanceRepository expiring = new MaintenanceRepository(store.pool(), Clock.fixed(later, ZoneOffset.UTC));
      return creating.create(WR_ROUTER, TUESDAY_NIGHT, "alice", "weekly router window")
          .compose(id -> expiring.expire(id, "bob")
              .compose(expired -> expiring.expire(id, "carol").map(again -> List.of(expired, again)))
              .compose(expired -> Future.all(expiring.all(), expiring.current(later), expiring.expire(id + 100, "bob"),
                      auditRows(store.pool()))
                  .map(all -> new Object[] {expired, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3)})));
    }).onComplete(context.succeeding(result -> context.verify(() -> {
      @SuppressWarnings("unchecked")
      List<Optional<MaintenanceWindow>> expired = (List<Optional<MaintenanceWindow>>) result[0];
      assertThat(expired.get(0)).get().extracting(MaintenanceWindow::expiredAt).isEqualTo(Optional.of(NOW_MILLIS.plusSeconds(3600)));
      assertThat(expired.get(1)).as("expiring again changes nothing").isEqualTo(expired.get(0));
      assertThat((List<?>) result[1]).as("never deleted").hasSize(1);
      assertThat((List<?>) result[2]).as("not current").isEmpty();
      assertThat(result[3]).as("unknown id").isEqualTo(Optional.empty());
      @SuppressWarnings("unchecked")
      List<JsonObject> audit = (List<JsonObject>) result[4];
      assertThat(audit).extracting(row -> row.getString("action") + " by " + row.getString("actor"))
          .containsExactly("maintenance.create by alice", "maintenance.expire by bob");
      context.completeNow();
    })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_invalid_window_is_refused_and_nothing_is_written(Dialect dialect, VertxTestContext context) {
    stores.open(vertx, dialect).compose(store -> {
      MaintenanceRepository repository = new MaintenanceRepository(store.pool());
      return repository.create(List.of(Matcher.of("device", Matcher.Op.REGEX, ".*")), TUESDAY_NIGHT, "alice", "all")
          .transform(created -> Future.all(repository.all(), auditRows(store.pool()))
              .map(all -> new Object[] {created.cause(), all.resultAt(0), all.resultAt(1)}));
    }).onComplete(context.succeeding(result -> context.verify(() -> {
      assertThat((Throwable) result[0]).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("scope: [device=~\".*\"] would match every alert");
      assertThat((List<?>) result[1]).isEmpty();
      assertThat((List<?>) result[2]).isEmpty();
      context.completeNow();
    })));
  }

  private static List<String> comments(List<MaintenanceWindow> windows) {
    return windows.stream().map(MaintenanceWindow::comment).toList();
  }

  static Future<List<JsonObject>> auditRows(Pool pool) {
    return pool.query("SELECT actor, action, subject, detail FROM audit_log ORDER BY id").execute().map(rows -> {
      List<JsonObject> list = new ArrayList<>();
      for (Row row : rows) {
        list.add(row.toJson());
      }
      return list;
    });
  }
}
