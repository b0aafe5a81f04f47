package org.leitwarte.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;

@ExtendWith(VertxExtension.class)
class StoreTest {

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

  /**
   * vertx-jdbc-client 5.0.7 leaves pooled connections out of auto-commit after a transaction; a write
   * outside a transaction then seems to succeed but is seen by no other connection. Store guards
   * against it.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_write_after_transactions_is_committed_and_seen_by_every_connection(Dialect dialect, VertxTestContext context) {
    int connections = 8;
    stores.open(vertx, dialect)
        .compose(store -> Future.all(java.util.stream.IntStream.range(0, connections)
                .mapToObj(i -> store.pool().withTransaction(c -> c.query("SELECT 1").execute()))
                .toList())
            .compose(v -> Future.all(java.util.stream.IntStream.range(0, connections)
                .mapToObj(i -> store.pool().preparedQuery(
                        "INSERT INTO service_state (name, content, updated_at) VALUES (?, 'x', CURRENT_TIMESTAMP)")
                    .execute(io.vertx.sqlclient.Tuple.of("n" + i)))
                .toList()))
            .compose(v -> Future.all(java.util.stream.IntStream.range(0, connections)
                .mapToObj(i -> store.pool().withConnection(c -> c.query("SELECT count(*) AS n FROM service_state").execute()
                    .map(rows -> rows.iterator().next().getLong("n"))))
                .toList())))
        .onComplete(context.succeeding(counts -> context.verify(() -> {
          assertThat(counts.<Long>list()).containsOnly((long) connections);
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrations_create_the_inventory_and_audit_tables(Dialect dialect, VertxTestContext context) {
    stores
        .open(vertx, dialect)
        .compose(
            store ->
                store
                    .ping()
                    .compose(v -> store.pool().query(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank").execute())
                    .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(StoreTest::versionAndSuccess).toList())
                    .compose(
                        history ->
                            Future.all(
                                    List.of("tenant", "site", "device", "audit_log").stream()
                                        .map(table -> store.pool().query("SELECT count(*) AS n FROM " + table).execute())
                                        .toList())
                                .map(counts -> history))
                    .map(history -> {
                      assertThat(store.dialect()).isEqualTo(dialect);
                      return history;
                    }))
        .onComplete(
            context.succeeding(
                history -> context.verify(() -> {
                  assertThat(history).containsExactlyElementsOf(migrationFiles());
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void opening_a_migrated_store_again_applies_nothing_and_keeps_the_data(Dialect dialect, VertxTestContext context) {
    LeitwarteConfig.Store config = stores.config(dialect);
    stores
        .open(vertx, config)
        .compose(store -> store.pool().query(
            "INSERT INTO audit_log (actor, action) VALUES ('test', 'test.kept')").execute().compose(r -> store.close()))
        .compose(v -> stores.open(vertx, config))
        .compose(store -> store.pool().query("SELECT action FROM audit_log").execute())
        .onComplete(
            context.succeeding(
                rows -> context.verify(() -> {
                  assertThat(rows.iterator().next().getString("action")).isEqualTo("test.kept");
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void the_same_sql_sorts_nulls_and_folds_identifiers_as_postgresql_does(Dialect dialect, VertxTestContext context) {
    String sql = "SELECT x AS Mixed FROM (VALUES (2), (NULL), (1)) AS t(x) ORDER BY x";
    stores
        .open(vertx, dialect)
        .compose(store -> Future.all(
            store.pool().query(sql).execute(), store.pool().query(sql + " DESC").execute()))
        .onComplete(
            context.succeeding(
                results -> context.verify(() -> {
                  io.vertx.sqlclient.RowSet<Row> ascending = results.resultAt(0);
                  io.vertx.sqlclient.RowSet<Row> descending = results.resultAt(1);
                  assertThat(ascending.columnsNames()).containsExactly("mixed");
                  assertThat(integers(ascending)).containsExactly(1, 2, null);
                  assertThat(integers(descending)).containsExactly(null, 2, 1);
                  context.completeNow();
                })));
  }

  @Test
  void h2_store_is_created_in_a_directory_that_does_not_exist_yet(VertxTestContext context) {
    Path file = dir.resolve("deep/er/leitwarte");
    stores
        .open(vertx, new LeitwarteConfig.Store("jdbc:h2:file:" + file, Optional.empty()))
        .compose(Store::ping)
        .onComplete(
            context.succeeding(
                v -> context.verify(() -> {
                  assertThat(dir.resolve("deep/er/leitwarte.mv.db")).exists();
                  context.completeNow();
                })));
  }

  @Test
  void an_unset_password_variable_fails_naming_the_variable(VertxTestContext context) {
    LeitwarteConfig.Store config =
        new LeitwarteConfig.Store(
            "jdbc:h2:file:" + dir.resolve("x"), Optional.of(Secret.of("${env:LEITWARTE_TEST_UNSET_PASSWORD}")));
    stores
        .open(vertx, config)
        .onComplete(
            context.failing(
                e -> context.verify(() -> {
                  assertThat(e).hasMessage("store: environment variable LEITWARTE_TEST_UNSET_PASSWORD is not set");
                  context.completeNow();
                })));
  }

  @Test
  void an_unreachable_postgresql_fails_without_showing_the_password(VertxTestContext context) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    LeitwarteConfig.Store config =
        new LeitwarteConfig.Store("postgresql://postgres:topsecret@127.0.0.1:" + closedPort + "/nothing", Optional.empty());
    stores
        .open(vertx, config)
        .onComplete(
            context.failing(
                e -> context.verify(() -> {
                  assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).doesNotContain("topsecret");
                  assertThat(stackTraceText(e)).doesNotContain("topsecret");
                  context.completeNow();
                })));
  }

  private static List<Integer> integers(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Integer> values = new java.util.ArrayList<>();
    rows.forEach(row -> values.add(row.getInteger(0)));
    return values;
  }

  private static String versionAndSuccess(Row row) {
    return row.getString("version") + ":" + row.getBoolean("success");
  }

  private static String stackTraceText(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }

  /** Every migration on the class path, as "version:true": all of them must have been applied. */
  private static List<String> migrationFiles() {
    try (var files = java.nio.file.Files.list(Path.of(StoreTest.class.getResource("/db/migration").toURI()))) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.matches("V\\d+__.*\\.sql"))
          .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
          .sorted()
          .map(version -> version + ":true")
          .toList();
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
