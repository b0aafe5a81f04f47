package org.leitwarte.incident.link;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Remembers which acknowledge links were used (table {@code acknowledge_link_use}). */
public final class UsedLinks {

  private final Pool pool;
  private final Clock clock;

  public UsedLinks(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Marks a link as used; false when it had been used before (also when two clicks race: the
   * second one loses on the primary key).
   */
  public Future<Boolean> use(SignedLinks.Verification.Valid link) {
    Tuple row = Tuple.of(link.nonce(), link.incidentId(), link.personId(), timestamp(clock.instant()), timestamp(link.expiresAt()));
    return pool.withTransaction(connection -> connection
            .preparedQuery("SELECT 1 FROM acknowledge_link_use WHERE nonce = ?")
            .execute(Tuple.of(link.nonce()))
            .compose(found -> found.size() > 0
                ? Future.succeededFuture(false)
                : connection.preparedQuery(
                        "INSERT INTO acknowledge_link_use (nonce, incident_id, person, used_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                    .execute(row)
                    .map(inserted -> true)))
        .recover(failure -> isDuplicate(failure) ? Future.succeededFuture(false) : Future.failedFuture(failure));
  }

  /** Forgets links that have expired anyway (an expired link is refused by its signature check). */
  public Future<Integer> forgetExpired() {
    return pool.withTransaction(connection -> connection
        .preparedQuery("DELETE FROM acknowledge_link_use WHERE expires_at < ?")
        .execute(Tuple.of(timestamp(clock.instant())))
        .map(rows -> rows.rowCount()));
  }

  private static boolean isDuplicate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }
}
