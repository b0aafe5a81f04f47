package org.leitwarte.ticket;

import io.vertx.core.Future;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Tickets and their comments in the store (tables of V8). Writes take the connection of the caller's
 * transaction (every write runs in one: see AlertRepository on vertx-jdbc-client and auto-commit);
 * reads may run on the pool. Statuses are stored by their labels, instants to the millisecond.
 */
public final class TicketRepository {

  private static final String COLUMNS = "id, tenant, title, description, status, alert_id, incident_id, alert_rule,"
      + " alert_summary, alert_since, device, assignee, contact_email, language, opened_by, created_at, updated_at";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM ticket";
  private static final String INSERT = "INSERT INTO ticket (tenant, title, description, status, alert_id, incident_id,"
      + " alert_rule, alert_summary, alert_since, device, assignee, contact_email, language, opened_by, created_at,"
      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_COMMENTS = "SELECT id, ticket_id, author, author_role, text, at FROM ticket_comment";
  private static final String INSERT_COMMENT =
      "INSERT INTO ticket_comment (ticket_id, author, author_role, text, at) VALUES (?, ?, ?, ?, ?)";
  /** The queue's order: open tickets first, then the oldest. */
  private static final String QUEUE_ORDER =
      " ORDER BY CASE WHEN status IN ('resolved', 'closed') THEN 1 ELSE 0 END, created_at, id";

  private final Pool pool;

  public TicketRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Optional<Ticket>> find(SqlClient client, long id) {
    return select(client, SELECT + " WHERE id = ?", Tuple.of(id), TicketRepository::ticket)
        .map(found -> found.stream().findFirst());
  }

  Future<List<Ticket>> list(TicketQuery query) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      List<TicketStatus> statuses = query.statuses().stream().sorted().toList();
      sql.append(" AND status IN (").append(String.join(", ", statuses.stream().map(s -> "?").toList())).append(')');
      statuses.forEach(status -> parameters.add(status.label()));
    }
    query.tenant().ifPresent(tenant -> {
      sql.append(" AND tenant = ?");
      parameters.add(tenant);
    });
    query.assignee().ifPresent(assignee -> {
      sql.append(" AND assignee = ?");
      parameters.add(assignee);
    });
    sql.append(QUEUE_ORDER).append(" LIMIT ?");
    parameters.add(query.limit());
    return select(pool, sql.toString(), Tuple.from(parameters), TicketRepository::ticket);
  }

  /** Oldest first. */
  Future<List<TicketComment>> comments(SqlClient client, long ticketId) {
    return select(client, SELECT_COMMENTS + " WHERE ticket_id = ? ORDER BY at, id", Tuple.of(ticketId), TicketRepository::comment);
  }

  /** @return the new ticket's id */
  Future<Long> insert(SqlConnection connection, Ticket ticket) {
    Optional<AlertContext> context = ticket.context();
    Tuple parameters = Tuple.from(Arrays.asList(ticket.tenant(), ticket.title(), ticket.description(), ticket.status().label(),
        ticket.alertId().orElse(null), ticket.incidentId().orElse(null),
        context.flatMap(AlertContext::rule).orElse(null), context.map(AlertContext::summary).orElse(null),
        context.map(AlertContext::since).map(TicketRepository::timestamp).orElse(null),
        ticket.device().orElse(null), ticket.assignee().orElse(null), ticket.contactEmail().orElse(null), ticket.language(),
        ticket.openedBy(), timestamp(ticket.createdAt()), timestamp(ticket.updatedAt())));
    return connection.preparedQuery(INSERT).execute(parameters).map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"));
  }

  /** @return the comment's id */
  Future<Long> insertComment(SqlConnection connection, long ticketId, String author, TicketComment.Side side, String text, Instant at) {
    return connection.preparedQuery(INSERT_COMMENT)
        .execute(Tuple.of(ticketId, author, side.label(), text, timestamp(at)))
        .map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"));
  }

  Future<Void> updateStatus(SqlConnection connection, long id, TicketStatus status, Instant now) {
    return connection.preparedQuery("UPDATE ticket SET status = ?, updated_at = ? WHERE id = ?")
        .execute(Tuple.of(status.label(), timestamp(now), id)).mapEmpty();
  }

  Future<Void> updateAssignee(SqlConnection connection, long id, Optional<String> assignee, Instant now) {
    return connection.preparedQuery("UPDATE ticket SET assignee = ?, updated_at = ? WHERE id = ?")
        .execute(Tuple.from(Arrays.asList(assignee.orElse(null), timestamp(now), id))).mapEmpty();
  }

  /** Marks the ticket as changed now (a comment). */
  Future<Void> touch(SqlConnection connection, long id, Instant now) {
    return connection.preparedQuery("UPDATE ticket SET updated_at = ? WHERE id = ?").execute(Tuple.of(timestamp(now), id)).mapEmpty();
  }

  /** Locks the ticket's row for the rest of the transaction, so two changes of its status do not cross. */
  Future<Optional<Ticket>> findForUpdate(SqlConnection connection, long id) {
    return select(connection, SELECT + " WHERE id = ? FOR UPDATE", Tuple.of(id), TicketRepository::ticket)
        .map(found -> found.stream().findFirst());
  }

  private static Ticket ticket(Row row) {
    Optional<String> summary = Optional.ofNullable(row.getString("alert_summary"));
    Optional<AlertContext> context = summary.map(text -> new AlertContext(
        Optional.ofNullable(row.getString("alert_rule")), text, instant(row, "alert_since")));
    return new Ticket(
        row.getLong("id"),
        row.getString("tenant"),
        row.getString("title"),
        row.getString("description"),
        TicketStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(row.getString("alert_id")),
        Optional.ofNullable(row.getLong("incident_id")),
        context,
        Optional.ofNullable(row.getString("device")),
        Optional.ofNullable(row.getString("assignee")),
        Optional.ofNullable(row.getString("contact_email")),
        row.getString("language"),
        row.getString("opened_by"),
        instant(row, "created_at"),
        instant(row, "updated_at"));
  }

  private static TicketComment comment(Row row) {
    return new TicketComment(row.getLong("id"), row.getLong("ticket_id"), row.getString("author"),
        TicketComment.Side.valueOf(row.getString("author_role").toUpperCase(Locale.ROOT)), row.getString("text"),
        instant(row, "at"));
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  private static <T> Future<List<T>> select(SqlClient client, String sql, Tuple parameters, Function<Row, T> mapper) {
    return client.preparedQuery(sql).execute(parameters)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(mapper).toList());
  }
}
