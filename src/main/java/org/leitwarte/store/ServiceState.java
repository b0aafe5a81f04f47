package org.leitwarte.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Named values the service keeps about itself across restarts (table {@code service_state}). */
public final class ServiceState {

  private final Pool pool;

  public ServiceState(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<String>> get(String name) {
    return pool.preparedQuery("SELECT content FROM service_state WHERE name = ?")
        .execute(Tuple.of(name))
        .map(rows -> {
          for (Row row : rows) {
            return Optional.of(row.getString("content"));
          }
          return Optional.<String>empty();
        });
  }

  public Future<Void> put(String name, String value) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return pool.withTransaction(connection -> connection
        .preparedQuery("UPDATE service_state SET content = ?, updated_at = ? WHERE name = ?")
        .execute(Tuple.of(value, now, name))
        .compose(updated -> updated.rowCount() > 0
            ? Future.<Void>succeededFuture()
            : connection.preparedQuery("INSERT INTO service_state (name, content, updated_at) VALUES (?, ?, ?)")
                .execute(Tuple.of(name, value, now))
                .<Void>mapEmpty()));
  }

  public Future<Void> remove(String name) {
    return pool.preparedQuery("DELETE FROM service_state WHERE name = ?").execute(Tuple.of(name)).mapEmpty();
  }
}
