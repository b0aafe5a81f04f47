package org.leitwarte.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL store: an embedded H2 file or PostgreSQL, migrated to the current schema when opened, reached
 * through a Vert.x JDBC pool. Feature packages own their SQL and take the {@link #pool()}.
 */
public final class Store {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  private static final int POOL_SIZE = 8;

  private final Pool pool;
  private final Dialect dialect;

  private Store(Pool pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /**
   * Migrates the schema (Flyway, {@code classpath:db/migration}, on a worker thread) and opens the pool.
   * Fails when the URL is wrong, the password secret does not resolve, the database is unreachable or a
   * migration fails; the message never contains a password.
   */
  public static Future<Store> open(Vertx vertx, LeitwarteConfig.Store config) {
    StoreUrl url;
    Optional<String> password;
    try {
      url = StoreUrl.parse(config.url());
      password = config.password().map(Secret::reveal).or(url::password);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Future.failedFuture(new IllegalArgumentException("store: " + e.getMessage(), e));
    }
    return vertx
        .executeBlocking(() -> migrate(url, password))
        .map(v -> new Store(
            JDBCPool.pool(vertx, new AutoCommitRestoringDataSource(url.jdbcUrl(), url.user(), password),
                new PoolOptions().setMaxSize(POOL_SIZE)),
            url.dialect()));
  }

  private static Void migrate(StoreUrl url, Optional<String> password) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(url.jdbcUrl(), url.user().orElse(null), password.orElse(null))
            .locations("classpath:db/migration")
            // Migrations use no placeholders, and ${…} in them (e.g. describing secrets) is plain text.
            .placeholderReplacement(false)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    LOG.info(
        "store {}: schema at version {} ({} migrations applied now)",
        url,
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
        result.migrationsExecuted);
    return null;
  }

  public Pool pool() {
    return pool;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Succeeds when the database answers a trivial query; for health checks. */
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  public Future<Void> close() {
    return pool.close();
  }
}
