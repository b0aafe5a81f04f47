package org.leitwarte.alerting.silence;

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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.store.AuditLog;

/**
 * Silences in the SQL store (table {@code silence}). Silences are never deleted; expiring one sets its
 * {@code expiredAt}. Every creation and expiry appends an {@code audit_log} row ({@code silence.create},
 * {@code silence.expire}) in the same transaction. Instants are kept to the millisecond.
 */
public final class SilenceRepository {

  static final String CREATE_ACTION = "silence.create";
  static final String EXPIRE_ACTION = "silence.expire";

  private static final String SELECT =
      "SELECT id, matchers, starts_at, ends_at, author, comment, created_at, expired_at FROM silence";
  private static final String INSERT =
      "INSERT INTO silence (matchers, starts_at, ends_at, author, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String EXPIRE = "UPDATE silence SET expired_at = ? WHERE id = ? AND expired_at IS NULL";

  private final Pool pool;
  private final Clock clock;

  public SilenceRepository(Pool pool) {
    this(pool, Clock.systemUTC());
  }

  /** @param clock for {@code createdAt} and {@code expiredAt} */
  public SilenceRepository(Pool pool, Clock clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a new silence and an audit row (actor {@code author}).
   *
   * @return its id; a failed future with an {@link IllegalArgumentException} naming the field when the
   *     silence is invalid (matchers matching everything, end not after start, blank author or comment)
   */
  public Future<Long> create(List<Matcher> matchers, Instant startsAt, Instant endsAt, String author, String comment) {
    return create(matchers, startsAt, endsAt, author, comment, Optional.empty());
  }

  /** As {@link #create(List, Instant, Instant, String, String)}, with the client address for the audit row. */
  public Future<Long> create(
      List<Matcher> matchers, Instant startsAt, Instant endsAt, String author, String comment, Optional<String> address) {
    Silence silence;
    try {
      silence = new Silence(0, matchers, millis(startsAt), millis(endsAt), author, comment, now(), Optional.empty());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(e);
    }
    Tuple parameters = Tuple.of(
        MatcherJson.toJson(silence.matchers()).encode(),
        timestamp(silence.startsAt()),
        timestamp(silence.endsAt()),
        silence.author(),
        silence.comment(),
        timestamp(silence.createdAt()));
    JsonObject detail = new JsonObject()
        .put("matchers", MatcherJson.toText(silence.matchers()))
        .put("starts_at", silence.startsAt().toString())
        .put("ends_at", silence.endsAt().toString())
        .put("comment", silence.comment());
    return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(parameters)
        .map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"))
        .compose(id -> audit(connection, author, CREATE_ACTION, id, detail, address).map(id)));
  }

  public Future<Optional<Silence>> get(long id) {
    return get(pool, id);
  }

  /** Every silence, also expired and past ones, newest first. */
  public Future<List<Silence>> all() {
    return select(pool, SELECT + " ORDER BY id DESC", Tuple.tuple());
  }

  /**
   * The silences that are not over at {@code now}: not expired and not ended, in effect now or to come
   * (what the {@link SilenceSuppressor} needs and the UI lists as active or pending). Newest first.
   */
  public Future<List<Silence>> current(Instant now) {
    return select(pool, SELECT + " WHERE expired_at IS NULL AND ends_at > ? ORDER BY id DESC", Tuple.of(timestamp(now)));
  }

  /**
   * Ends a silence now, with an audit row. A silence already expired stays as it was (no second audit
   * row).
   *
   * @return the silence as it is now; empty if there is no silence with that id
   */
  public Future<Optional<Silence>> expire(long id, String actor) {
    return expire(id, actor, Optional.empty());
  }

  /** As {@link #expire(long, String)}, with the client address for the audit row. */
  public Future<Optional<Silence>> expire(long id, String actor, Optional<String> address) {
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
    return millis(clock.instant());
  }

  private static Future<Optional<Silence>> get(SqlClient client, long id) {
    return select(client, SELECT + " WHERE id = ?", Tuple.of(id)).map(silences -> silences.stream().findFirst());
  }

  private static Future<List<Silence>> select(SqlClient client, String sql, Tuple parameters) {
    return client.preparedQuery(sql).execute(parameters).map(SilenceRepository::silences);
  }

  private static List<Silence> silences(RowSet<Row> rows) {
    List<Silence> silences = new ArrayList<>();
    for (Row row : rows) {
      silences.add(new Silence(
          row.getLong("id"),
          MatcherJson.fromJson(new JsonArray(row.getString("matchers"))),
          row.getOffsetDateTime("starts_at").toInstant(),
          row.getOffsetDateTime("ends_at").toInstant(),
          row.getString("author"),
          row.getString("comment"),
          row.getOffsetDateTime("created_at").toInstant(),
          Optional.ofNullable(row.getOffsetDateTime("expired_at")).map(OffsetDateTime::toInstant)));
    }
    return silences;
  }

  private static Future<Void> audit(
      SqlConnection connection, String actor, String action, long id, JsonObject detail, Optional<String> address) {
    return AuditLog.append(connection, actor, action, SilenceSuppressor.reason(id), detail, address);
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
