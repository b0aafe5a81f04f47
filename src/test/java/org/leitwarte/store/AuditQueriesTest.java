package org.leitwarte.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit log as administrators read it, on H2 and PostgreSQL. */
class AuditQueriesTest {

  private static final Instant T0 = Instant.parse("2026-03-25T08:00:00Z");

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private StoreFixture stores;

  @AfterEach
  void stop() throws Exception {
    try {
      await(stores.close(vertx));
    } finally {
      await(vertx.close());
    }
  }

  private AuditQueries filled(Dialect dialect) throws Exception {
    stores = new StoreFixture(dir);
    Pool pool = await(stores.open(vertx, dialect)).pool();
    row(pool, T0, "tbecker", "user.sign_in", "user:tbecker", "{}", "192.0.2.7");
    row(pool, T0.plusSeconds(60), "unbekannt", "user.sign_in_failed", "user:unbekannt", "{\"reason\":\"<b>unknown</b>\"}", "192.0.2.9");
    row(pool, T0.plusSeconds(120), "jana", "silence.create", "silence:7", "{\"comment\":\"Umzug\"}", "127.0.0.1");
    row(pool, T0.plusSeconds(180), "cli:root", "user_x.add", null, null, null);
    row(pool, T0.plusSeconds(240), "jana", "silence.expire", "silence:7", "kein JSON", "127.0.0.1");
    await(pool.withTransaction(connection -> AuditLog.append(connection, "kai", "ticket.comment", "ticket:T-1",
        new JsonObject().put("status", "new"), Optional.of("127.0.0.1"))));
    return new AuditQueries(pool);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void entries_come_newest_first_with_every_column(Dialect dialect) throws Exception {
    List<AuditEntry> entries = await(filled(dialect).list(AuditFilter.NEWEST));

    assertThat(entries).extracting(AuditEntry::action).containsExactly(
        "ticket.comment", "silence.expire", "user_x.add", "silence.create", "user.sign_in_failed", "user.sign_in");
    AuditEntry failed = entries.get(4);
    assertThat(failed.at()).isEqualTo(T0.plusSeconds(60));
    assertThat(failed.actor()).isEqualTo("unbekannt");
    assertThat(failed.subject()).hasValue("user:unbekannt");
    assertThat(failed.detail().getString("reason")).isEqualTo("<b>unknown</b>");
    assertThat(failed.address()).hasValue("192.0.2.9");
    assertThat(entries.get(1).detail()).isEqualTo(new JsonObject().put("text", "kein JSON"));
    assertThat(entries.get(2).subject()).isEmpty();
    assertThat(entries.get(2).address()).isEmpty();
    assertThat(entries.get(2).detail()).isEqualTo(new JsonObject());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void filters_narrow_by_action_prefix_actor_subject_time_and_limit(Dialect dialect) throws Exception {
    AuditQueries audit = filled(dialect);

    // "user." is a prefix of text: its _ and . match only themselves, so user_x.add stays out.
    assertThat(await(audit.list(AuditFilter.NEWEST.withAction("user.")))).extracting(AuditEntry::action)
        .containsExactly("user.sign_in_failed", "user.sign_in");
    assertThat(await(audit.list(AuditFilter.NEWEST.withAction("user.sign_in_failed")))).hasSize(1);
    assertThat(await(audit.list(AuditFilter.NEWEST.withActor("jana")))).extracting(AuditEntry::action)
        .containsExactly("silence.expire", "silence.create");
    assertThat(await(audit.list(AuditFilter.NEWEST.withSubject("silence:7").withAction("silence.create")))).hasSize(1);
    assertThat(await(audit.list(AuditFilter.NEWEST.withSince(T0.plusSeconds(60)).withUntil(T0.plusSeconds(180)))))
        .extracting(AuditEntry::action).containsExactly("silence.create", "user.sign_in_failed");
    assertThat(await(audit.list(AuditFilter.NEWEST.withLimit(2)))).extracting(AuditEntry::action)
        .containsExactly("ticket.comment", "silence.expire");
    assertThat(await(audit.list(AuditFilter.NEWEST.withActor("niemand")))).isEmpty();
  }

  private void row(Pool pool, Instant at, String actor, String action, String subject, String detail, String address)
      throws Exception {
    await(pool.preparedQuery("INSERT INTO audit_log (at, actor, action, subject, detail, address) VALUES (?, ?, ?, ?, ?, ?)")
        .execute(Tuple.from(Arrays.asList(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, subject, detail, address))));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
