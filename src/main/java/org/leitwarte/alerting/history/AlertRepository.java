package org.leitwarte.alerting.history;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;

/**
 * Alerts as they are now (table {@code alert}) and every change they went through ({@code
 * alert_history}), so that alerts survive a restart and the UI and API can show them and their past.
 *
 * <p>Instants are stored to the millisecond: an alert whose instants are whole milliseconds reads back
 * equal to the one written; finer ones read back truncated.
 *
 * <p>Every write runs in an explicit transaction, also single statements: vertx-jdbc-client 5.0.7 leaves
 * a pooled connection in manual-commit mode after any transaction, so a plain statement on it would
 * never be committed (vert-x3/vertx-jdbc-client#356).
 *
 * <p>Resolved alerts stay (state resolved) until {@link #deleteResolvedBefore} removes them; the
 * history stays until {@link #deleteHistoryBefore}. Nothing calls those on its own: the composition
 * root should, e.g. daily with {@link #RESOLVED_RETENTION} and {@link #HISTORY_RETENTION}.
 */
public final class AlertRepository {

  /** Suggested time a resolved alert stays listed: 30 days. */
  public static final Duration RESOLVED_RETENTION = Duration.ofDays(30);

  /** Suggested time the history is kept: 400 days, a year and a bit for year-on-year questions. */
  public static final Duration HISTORY_RETENTION = Duration.ofDays(400);

  private static final String ACTIVE_STATES = "('" + AlertState.PENDING.label() + "', '" + AlertState.FIRING.label() + "')";

  private final Pool pool;
  private final Clock clock;

  public AlertRepository(Pool pool) {
    this(pool, Clock.systemUTC());
  }

  /** @param clock for the rows' {@code updated_at} */
  public AlertRepository(Pool pool, Clock clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Applies {@code changes} in order, in one transaction: each alert is inserted or updated to its new
   * form and one history row is appended per change. If anything fails, nothing of the batch is written.
   * An alert that resolves without ever having fired (previous state pending) goes away, as {@link
   * AlertState} says; its history stays.
   */
  public Future<Void> record(List<AlertChange> changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    List<AlertChange> batch = List.copyOf(changes);
    Instant now = clock.instant();
    return pool.withTransaction(connection -> {
      Future<Void> written = Future.succeededFuture();
      for (AlertChange change : batch) {
        written = written.compose(v -> write(connection, change, now));
      }
      return written.compose(v -> connection.preparedQuery(AlertRows.INSERT_HISTORY)
          .executeBatch(batch.stream().map(AlertRows::historyParameters).toList())
          .<Void>mapEmpty());
    });
  }

  /** Pending and firing alerts, for the evaluator to take up again after a restart. */
  public Future<List<Alert>> active() {
    return select(AlertRows.SELECT_ALERTS + " WHERE state IN " + ACTIVE_STATES + " ORDER BY since DESC, id",
        Tuple.tuple(), AlertRows::alert);
  }

  public Future<Optional<Alert>> get(String id) {
    return select(AlertRows.SELECT_ALERTS + " WHERE id = ?", Tuple.of(id), AlertRows::alert)
        .map(alerts -> alerts.stream().findFirst());
  }

  /** The alerts {@code query} asks for, newest first (by when they entered their current state). */
  public Future<List<Alert>> list(AlertQuery query) {
    StringBuilder sql = new StringBuilder(AlertRows.SELECT_ALERTS).append(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (!query.states().isEmpty()) {
      List<AlertState> states = query.states().stream().sorted().toList();
      sql.append(" AND state IN (").append(String.join(", ", states.stream().map(s -> "?").toList())).append(')');
      states.forEach(state -> parameters.add(state.label()));
    }
    query.tenant().ifPresent(tenant -> {
      sql.append(" AND tenant = ?");
      parameters.add(tenant);
    });
    query.device().ifPresent(device -> {
      sql.append(" AND device = ?");
      parameters.add(device);
    });
    query.rule().ifPresent(rule -> {
      sql.append(" AND rule = ?");
      parameters.add(rule);
    });
    sql.append(" ORDER BY since DESC, id LIMIT ?");
    parameters.add(query.limit());
    return select(sql.toString(), Tuple.from(parameters), AlertRows::alert);
  }

  /** The latest {@code limit} changes of the alerts of one device, newest first. */
  public Future<List<HistoryEntry>> history(String deviceId, int limit) {
    return history("device", deviceId, limit);
  }

  /** The latest {@code limit} changes of one alert, newest first. */
  public Future<List<HistoryEntry>> historyOfAlert(String alertId, int limit) {
    return history("alert_id", alertId, limit);
  }

  /** Removes resolved alerts that resolved before {@code cutoff}; their history stays. */
  public Future<Integer> deleteResolvedBefore(Instant cutoff) {
    return pool.withTransaction(connection -> connection.preparedQuery(AlertRows.DELETE_RESOLVED_BEFORE)
        .execute(Tuple.of(AlertRows.timestamp(cutoff)))
        .map(rows -> rows.rowCount()));
  }

  /** Removes history entries older than {@code cutoff}. */
  public Future<Integer> deleteHistoryBefore(Instant cutoff) {
    return pool.withTransaction(connection -> connection.preparedQuery(AlertRows.DELETE_HISTORY_BEFORE)
        .execute(Tuple.of(AlertRows.timestamp(cutoff)))
        .map(rows -> rows.rowCount()));
  }

  private static Future<Void> write(SqlConnection connection, AlertChange change, Instant now) {
    Alert alert = change.alert();
    if (alert.state() == AlertState.RESOLVED && change.previousState().orElse(null) == AlertState.PENDING) {
      return connection.preparedQuery(AlertRows.DELETE_ALERT).execute(Tuple.of(alert.id())).mapEmpty();
    }
    Tuple parameters = AlertRows.alertParameters(alert, now);
    return connection.preparedQuery(AlertRows.UPDATE_ALERT).execute(parameters)
        .compose(updated -> updated.rowCount() > 0
            ? Future.<Void>succeededFuture()
            : connection.preparedQuery(AlertRows.INSERT_ALERT).execute(parameters).<Void>mapEmpty());
  }

  private <T> Future<List<T>> select(String sql, Tuple parameters, Function<Row, T> mapper) {
    return pool.preparedQuery(sql)
        .execute(parameters)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(mapper).toList());
  }

  private Future<List<HistoryEntry>> history(String column, String value, int limit) {
    if (limit < 1 || limit > AlertQuery.MAX_LIMIT) {
      return Future.failedFuture(
          new IllegalArgumentException("limit: must be 1 to " + AlertQuery.MAX_LIMIT + ", got " + limit));
    }
    return select(AlertRows.SELECT_HISTORY + " WHERE " + column + " = ? ORDER BY at DESC, id DESC LIMIT ?",
        Tuple.of(value, limit), AlertRows::historyEntry);
  }
}
