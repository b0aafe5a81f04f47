package org.leitwarte.store;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;
import io.vertx.sqlclient.Tuple;

/**
 * Reads the audit log for administrators, newest first. There is deliberately nothing here that
 * changes or removes a row: {@link AuditLog} only appends, and the log is append-only for Leitwarte.
 * The SQL is the same for H2 and PostgreSQL.
 */
public final class AuditQueries {

  private static final String SELECT = "SELECT id, at, actor, action, subject, detail, address FROM audit_log";

  private final Pool pool;

  public AuditQueries(Pool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  public Future<List<AuditEntry>> list(AuditFilter filter) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    filter.action().ifPresent(prefix -> {
      // The prefix is text, not a pattern: its own % and _ match only themselves.
      sql.append(" AND action LIKE ? ESCAPE '\\'");
      parameters.add(likeEscaped(prefix) + "%");
    });
    filter.actor().ifPresent(actor -> {
      sql.append(" AND actor = ?");
      parameters.add(actor);
    });
    filter.subject().ifPresent(subject -> {
      sql.append(" AND subject = ?");
      parameters.add(subject);
    });
    filter.since().ifPresent(since -> {
      sql.append(" AND at >= ?");
      parameters.add(timestamp(since));
    });
    filter.until().ifPresent(until -> {
      sql.append(" AND at < ?");
      parameters.add(timestamp(until));
    });
    // id breaks ties between rows of the same instant (one transaction), so the order is the order of writing.
    sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
    parameters.add(filter.limit());
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.from(parameters))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(AuditQueries::entry).toList());
  }

  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static AuditEntry entry(Row row) {
    return new AuditEntry(
        row.getLong("id"),
        row.getOffsetDateTime("at").toInstant(),
        row.getString("actor"),
        row.getString("action"),
        Optional.ofNullable(row.getString("subject")),
        detail(row.getString("detail")),
        Optional.ofNullable(row.getString("address")));
  }

  /** {@link AuditLog} writes JSON objects; anything else (written by hand, say) is shown as text. */
  private static JsonObject detail(String stored) {
    if (stored == null || stored.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(stored);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject().put("text", stored);
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
