package org.leitwarte.alerting.silence;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;

@ExtendWith(VertxExtension.class)
class SilenceRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-03-10T09:30:00.123456Z");
  private static final Instant NOW_MILLIS = Instant.parse("2026-03-10T09:30:00.123Z");
  private static final List<Matcher> UPLINK =
      List.of(Matcher.equal("device", "wr-router"), Matcher.of("ifName", Matcher.Op.REGEX, "ge-.*"));

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
  void a_created_silence_reads_back_as_written_with_an_audit_row(Dialect dialect, VertxTestContext context) {
    Instant starts = NOW.minusSeconds(60);
    Instant ends = NOW.plusSeconds(7200);
    stores.open(vertx, dialect).compose(store -> {
      SilenceRepository repository = new SilenceRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
      return repository.create(UPLINK, starts, ends, "alice", "uplink swap, ticket 4711")
          .compose(id -> Future.all(repository.get(id), auditRows(store.pool()))
              .map(all -> new Object[] {id, all.resultAt(0), all.resultAt(1)}));
    }).onComplete(context.succeeding(result -> context.verify(() -> {
      long id = (Long) result[0];
      assertThat(result[1]).isEqualTo(Optional.of(new Silence(id, UPLINK, Instant.parse("2026-03-10T09:29:00.123Z"),
          Instant.parse("2026-03-10T11:30:00.123Z"), "alice", "uplink swap, ticket 4711", NOW_MILLIS, Optional.empty())));
      @SuppressWarnings("unchecked")
      List<JsonObject> audit = (List<JsonObject>) result[2];
      assertThat(audit).hasSize(1);
      assertThat(audit.get(0).getString("actor")).isEqualTo("alice");
      assertThat(audit.get(0).getString("action")).isEqualTo("silence.create");
      assertThat(audit.get(0).getString("subject")).isEqualTo("silence:" + id);
      JsonObject detail = new JsonObject(audit.get(0).getString("detail"));
      assertThat(detail.getJsonArray("matchers").getList()).containsExactly("device=\"wr-router\"", "ifName=~\"ge-.*\"");
      assertThat(detail.getString("ends_at")).isEqualTo("2026-03-10T11:30:00.123Z");
      context.completeNow();
    })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void current_silences_are_the_active_and_pending_ones(Dialect dialect, VertxTestContext context) {
    stores.open(vertx, dialect).compose(store -> {
      SilenceRepository repository = new SilenceRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
      return repository.create(UPLINK, NOW.minusSeconds(7200), NOW.minusSeconds(3600), "alice", "ended")
          .compose(ended -> repository.create(UPLINK, NOW.minusSeconds(60), NOW.plusSeconds(3600), "alice", "active"))
          .compose(active -> repository.create(UPLINK, NOW.plusSeconds(3600), NOW.plusSeconds(7200), "alice", "pending"))
          .compose(pending -> repository.create(UPLINK, NOW.minusSeconds(60), NOW.plusSeconds(3600), "alice", "expired")
              .compose(id -> repository.expire(id, "bob")))
          .compose(expired -> Future.all(repository.all(), repository.current(NOW)))
          .map(all -> List.<List<Silence>>of(all.resultAt(0), all.resultAt(1)));
    }).onComplete(context.succeeding(lists -> context.verify(() -> {
      assertThat(lists.get(0)).extracting(Silence::comment).containsExactly("expired", "pending", "active", "ended");
      assertThat(lists.get(1)).extracting(Silence::comment).containsExactly("pending", "active");
      context.completeNow();
    })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void expiring_keeps_the_silence_and_is_audited_once(Dialect dialect, VertxTestContext context) {
    Instant later = NOW.plusSeconds(600);
    stores.open(vertx, dialect).compose(store -> {
      SilenceRepository creating = new SilenceRepository(store.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
      SilenceRepository expiring = new SilenceRepository(store.pool(), Clock.fixed(later, ZoneOffset.UTC));
      return creating.create(UPLINK, NOW, NOW.plusSeconds(3600), "alice", "uplink swap")
          .compose(id -> expiring.expire(id, "bob")
              .compose(first -> expiring.expire(id, "carol").map(second -> List.of(first, second)))
              .compose(expired -> Future.all(expiring.expire(id + 1, "bob"), auditRows(store.pool()))
                  .map(all -> new Object[] {expired, all.resultAt(0), all.resultAt(1)})));
    }).onComplete(context.succeeding(result -> context.verify(() -> {
      @SuppressWarnings("unchecked")
      List<Optional<Silence>> expired = (List<Optional<Silence>>) result[0];
      assertThat(expired.get(0)).get().extracting(Silence::expiredAt)
          .isEqualTo(Optional.of(NOW_MILLIS.plusSeconds(600)));
      assertThat(expired.get(0).get().isActive(later)).isFalse();
      assertThat(expired.get(1)).isEqualTo(expired.get(0));
      assertThat(result[1]).as("unknown id").isEqualTo(Optional.empty());
      @SuppressWarnings("unchecked")
      List<JsonObject> audit = (List<JsonObject>) result[2];
      assertThat(audit).extracting(row -> row.getString("action") + " by " + row.getString("actor"))
          .containsExactly("silence.create by alice", "silence.expire by bob");
      context.completeNow();
    })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_invalid_silence_is_refused_and_nothing_is_written(Dialect dialect, VertxTestContext context) {
    stores.open(vertx, dialect).compose(store -> {
      SilenceRepository repository = new SilenceRepository(store.pool());
      return repository.create(UPLINK, NOW, NOW.minusSeconds(1), "alice", "backwards")
          .transform(created -> Future.all(repository.all(), auditRows(store.pool()))
              .map(all -> new Object[] {created.cause(), all.resultAt(0), all.resultAt(1)}));
    }).onComplete(context.succeeding(result -> context.verify(() -> {
      assertThat((Throwable) result[0]).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endsAt: must be after startsAt");
      assertThat((List<?>) result[1]).isEmpty();
      assertThat((List<?>) result[2]).isEmpty();
      context.completeNow();
    })));
  }

  private static Future<List<JsonObject>> auditRows(Pool pool) {
    return pool.query("SELECT actor, action, subject, detail FROM audit_log ORDER BY id").execute().map(rows -> {
      List<JsonObject> list = new ArrayList<>();
      for (Row row : rows) {
        list.add(row.toJson());
      }
      return list;
    });
  }
}
