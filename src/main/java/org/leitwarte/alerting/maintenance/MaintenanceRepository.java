package org.leitwarte.alerting.maintenance;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.store.AuditLog;
import org.leitwarte.alerting.silence.MatcherJson;

/**
 * Maintenance windows in the SQL store (table {@code maintenance_window}). Windows are never deleted;
 * ending one early sets its {@code expiredAt}. Every creation and expiry appends an {@code audit_log} row
 * in the same transaction. Instants are kept to the millisecond.
 */
public final class MaintenanceRepository {

  static final String CREATE_ACTION = "maintenance.create";
  static final String EXPIRE_ACTION = "maintenance.expire";

  private static final String SELECT = "SELECT id, scope, schedule, author, comment, created_at, expired_at FROM maintenance_window";
  private static final String INSERT =
      "INSERT INTO maintenance_window (scope, tenant, schedule, ends_at, author, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String EXPIRE = "UPDATE maintenance_window SET expired_at = ? WHERE id = ? AND expired_at IS NULL";

  private final Pool pool;
  private final Clock clock;

  public MaintenanceRepository(Pool pool) {
    this(pool, Clock.systemUTC());
  }

  /** @param clock for {@code createdAt} and {@code expiredAt} */
  public MaintenanceRepository(Pool pool, Clock clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a new window and an audit row ({@code maintenance.create}, actor {@code author}).
   *
   * @return its id; a failed future with an {@link IllegalArgumentException} naming the field when the
   *     window is invalid (scope matching everything, blank author or comment)
   */
  public Future<Long> create(List<Matcher> scope, Schedule schedule, String author, String comment) {
    return create(scope, schedule, author, comment, Optional.empty());
  }

  /** As {@link #create(List, Schedule, String, String)}, with the client address for the audit row. */
  public Future<Long> create(List<Matcher> scope, Schedule schedule, String author, String comment, Optional<String> address) {
    MaintenanceWindow window;
    try {
      window = new MaintenanceWindow(0, scope, schedule, author, comment, now(), Optional.empty());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(e);
    }
    Tuple parameters = Tuple.from(Arrays.asList(
        MatcherJson.toJson(window.scope()).encode(),
        window.tenant().orElse(null),
        new JsonObject(ScheduleFormat.format(window.schedule())).encode(),
        window.schedule().endsAt().map(MaintenanceRepository::timestamp).orElse(null),
        window.author(),
        window.comment(),
        timestamp(window.createdAt())));
    JsonObject detail = new JsonObject()
        .put("scope", MatcherJson.toText(window.scope()))
        .put("schedule", new JsonObject(ScheduleFormat.format(window.schedule())))
        .put("comment", window.comment());
    return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(parameters)
        .map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"))
        .compose(id -> audit(connection, author, CREATE_ACTION, id, detail, address).map(id)));
  }

  public Future<Optional<MaintenanceWindow>> get(long id) {
    return get(pool, id);
  }

  /** Every window, also expired and past ones, newest first. */
  public Future<List<MaintenanceWindow>> all() {
    return select(pool, SELECT + " ORDER BY id DESC", Tuple.tuple());
  }

  /**
   * The windows that are not over at {@code now}: not expired, and in effect now or to come. What the
   * {@link MaintenanceSuppressor} needs and the UI lists as current. Newest first.
   */
  public Future<List<MaintenanceWindow>> current(Instant now) {
    return select(pool, SELECT + " WHERE expired_at IS NULL AND (ends_at IS NULL OR ends_at > ?) ORDER BY id DESC",
            Tuple.of(timestamp(now)))
        .map(windows -> windows.stream().filter(window -> !window.isOver(now)).toList());
  }

  /** Every window scoped to {@code tenant} (by a {@code tenant="…"} matcher), also past ones, newest first. */
  public Future<List<MaintenanceWindow>> ofTenant(String tenant) {
    return select(pool, SELECT + " WHERE tenant = ? ORDER BY id DESC", Tuple.of(tenant));
  }

  /**
   * Ends a window now, with an audit row ({@code maintenance.expire}). A window already expired stays as
   * it was (no second audit row).
   *
   * @return the window as it is now; empty if there is no window with that id
   */
  public Future<Optional<MaintenanceWindow>> expire(long id, String actor) {
    return expire(id, actor, Optional.empty());
  }

  /** As {@link #expire(long, String)}, with the client address for the audit row. */
  public Future<Optional<MaintenanceWindow>> expire(long id, String actor, Optional<String> address) {
    if (actor == null || actor.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("actor: must not be blank"));
    }
    Instant now = now();
    return pool.withTransaction(connection -> connection.preparedQuery(EXPIRE).execute(Tuple.of(timestamp(now), id))
        .compose(updated -> updated.rowCount() == 0
            ? Future.<Void>succeededFuture()
            : audit(connection, actor, EXPIRE_ACTION, id, new JsonObject().put("expired_at", now.toString()), address))
        .compose(v -> get(connection, id)));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Future<Optional<MaintenanceWindow>> get(SqlClient client, long id) {
    return select(client, SELECT + " WHERE id = ?", Tuple.of(id)).map(windows -> windows.stream().findFirst());
  }

  private static Future<List<MaintenanceWindow>> select(SqlClient client, String sql, Tuple parameters) {
    return client.preparedQuery(sql).execute(parameters).map(MaintenanceRepository::windows);
  }

  private static List<MaintenanceWindow> windows(RowSet<Row> rows) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    for (Row row : rows) {
      windows.add(new MaintenanceWindow(
          row.getLong("id"),
          MatcherJson.fromJson(new JsonArray(row.getString("scope"))),
          ScheduleFormat.parse(new JsonObject(row.getString("schedule")).getMap(), "maintenance " + row.getLong("id")),
          row.getString("author"),
          row.getString("comment"),
          row.getOffsetDateTime("created_at").toInstant(),
          Optional.ofNullable(row.getOffsetDateTime("expired_at")).map(OffsetDateTime::toInstant)));
    }
    return windows;
  }

  private static Future<Void> audit(
      SqlConnection connection, String actor, String action, long id, JsonObject detail, Optional<String> address) {
    return AuditLog.append(connection, actor, action, MaintenanceSuppressor.reason(id), detail, address);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }
}
