package org.leitwarte.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.testsupport.PostgresDatabase;

/**
 * Opens stores on either dialect for a test, H2 in a file under the test's temporary directory and
 * PostgreSQL in a throwaway database, and closes and drops them all afterwards.
 */
public final class StoreFixture {

  private final Path directory;
  private final List<PostgresDatabase> databases = new ArrayList<>();
  private final List<Store> stores = new ArrayList<>();
  private int h2Files;

  public StoreFixture(Path directory) {
    this.directory = directory;
  }

  /** A fresh, empty database of the dialect; call it from the test thread (it may block). */
  public LeitwarteConfig.Store config(Dialect dialect) {
    if (dialect == Dialect.H2) {
      Path file = directory.resolve("h2-" + ++h2Files).resolve("leitwarte");
      return new LeitwarteConfig.Store("jdbc:h2:file:" + file, Optional.empty());
    }
    PostgresDatabase database = PostgresDatabase.create();
    databases.add(database);
    return new LeitwarteConfig.Store(database.url(), Optional.empty());
  }

  public Future<Store> open(Vertx vertx, Dialect dialect) {
    return open(vertx, config(dialect));
  }

  public Future<Store> open(Vertx vertx, LeitwarteConfig.Store config) {
    return Store.open(vertx, config).onSuccess(stores::add);
  }

  /** Closes every store opened, then drops the PostgreSQL databases. */
  public Future<Void> close(Vertx vertx) {
    return Future.join(stores.stream().map(Store::close).toList())
        .transform(
            closed ->
                vertx.executeBlocking(
                    () -> {
                      databases.forEach(PostgresDatabase::close);
                      return null;
                    }));
  }
}
