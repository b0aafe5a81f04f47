package org.leitwarte.incident.engine;

import static org.leitwarte.incident.engine.IncidentRows.timestamp;

import io.vertx.core.Future;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.incident.engine.IncidentRows.Stored;
import org.leitwarte.incident.routing.MatchedRoute;

/**
 * Incidents, their alerts, timelines and recipients in the store. Writes take the connection of the
 * caller's transaction (every write runs in one: see AlertRepository on vertx-jdbc-client and
 * auto-commit); reads may run on the pool.
 */
final class IncidentRepository {

  private final Pool pool;

  IncidentRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Optional<Stored>> find(SqlClient client, long id) {
    return select(client, IncidentRows.SELECT_INCIDENTS + " WHERE i.id = ?", Tuple.of(id), IncidentRows::stored)
        .map(found -> found.stream().findFirst());
  }

  Future<Optional<Stored>> findOpen(SqlClient client, String groupKey) {
    return select(client, IncidentRows.SELECT_INCIDENTS + " WHERE i.group_key = ? AND i.state IN " + IncidentRows.OPEN_STATES
        + " ORDER BY i.id DESC", Tuple.of(groupKey), IncidentRows::stored)
        .map(found -> found.stream().findFirst());
  }

  /** Open incidents in which the alert fires. */
  Future<List<Long>> openWithFiringAlert(SqlClient client, String alertId) {
    return select(client, "SELECT i.id FROM incident i JOIN incident_alert a ON a.incident_id = i.id"
        + " WHERE a.alert_id = ? AND a.firing AND i.state IN " + IncidentRows.OPEN_STATES + " ORDER BY i.id",
        Tuple.of(alertId), row -> row.getLong("id"));
  }

  Future<List<Incident>> list(IncidentQuery query) {
    StringBuilder sql = new StringBuilder(IncidentRows.SELECT_INCIDENTS).append(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (!query.states().isEmpty()) {
      List<IncidentState> states = query.states().stream().sorted().toList();
      sql.append(" AND i.state IN (").append(String.join(", ", states.stream().map(s -> "?").toList())).append(')');
      states.forEach(state -> parameters.add(state.label()));
    }
    query.tenant().ifPresent(tenant -> {
      sql.append(" AND i.tenant = ?");
      parameters.add(tenant);
    });
    query.team().ifPresent(team -> {
      sql.append(" AND i.team = ?");
      parameters.add(team);
    });
    sql.append(" ORDER BY i.created_at DESC, i.id DESC LIMIT ?");
    parameters.add(query.limit());
    return select(pool, sql.toString(), Tuple.from(parameters), row -> IncidentRows.stored(row).incident());
  }

  Future<List<TimelineEntry>> timeline(long id) {
    return select(pool, IncidentRows.SELECT_TIMELINE + " WHERE incident_id = ? ORDER BY id", Tuple.of(id), IncidentRows::entry);
  }

  /** The ids of the incident's alerts, firing first, then in the order they came. */
  Future<List<String>> alertIds(SqlClient client, long id) {
    return select(client, "SELECT alert_id FROM incident_alert WHERE incident_id = ?"
        + " ORDER BY CASE WHEN firing THEN 0 ELSE 1 END, added_at, alert_id", Tuple.of(id), row -> row.getString("alert_id"));
  }

  Future<List<String>> recipients(SqlClient client, long id) {
    return select(client, "SELECT person_id FROM incident_recipient WHERE incident_id = ? ORDER BY person_id",
        Tuple.of(id), row -> row.getString("person_id"));
  }

  Future<Long> countOpen() {
    return select(pool, "SELECT count(*) AS n FROM incident WHERE state IN " + IncidentRows.OPEN_STATES, Tuple.tuple(),
        row -> row.getLong("n")).map(rows -> rows.get(0));
  }

  /** Open incidents by state, one grouped count instead of listing them. */
  Future<Map<IncidentState, Long>> countOpenByState() {
    return select(pool, "SELECT state, count(*) AS n FROM incident WHERE state IN " + IncidentRows.OPEN_STATES
        + " GROUP BY state", Tuple.tuple(), row -> Map.entry(
            IncidentState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)), row.getLong("n")))
        .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  Future<Long> insert(SqlConnection connection, String groupKey, String title, Alert alert, MatchedRoute route,
      Map<String, String> groupLabels, Instant now) {
    Tuple parameters = Tuple.from(Arrays.asList(groupKey, title, alert.severity().label(), route.team(), route.policy(),
        route.routeId(), IncidentRows.json(groupLabels), alert.tenant(), route.autoResolve(),
        route.repeatInterval().toMillis(), timestamp(now), timestamp(now)));
    return connection.preparedQuery(IncidentRows.INSERT_INCIDENT).execute(parameters)
        .map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"));
  }

  /**
   * Adds the alert, or marks it firing again; then the incident's severity is the worst of its alerts.
   *
   * @return false when the alert was firing in the incident already (nothing changed)
   */
  Future<Boolean> attach(SqlConnection connection, long id, Alert alert, Instant now) {
    Tuple key = Tuple.of(id, alert.id());
    return connection.preparedQuery("SELECT firing FROM incident_alert WHERE incident_id = ? AND alert_id = ?").execute(key)
        .compose(found -> {
          if (found.size() > 0 && found.iterator().next().getBoolean("firing")) {
            return Future.succeededFuture(false);
          }
          Future<?> written = found.size() > 0
              ? connection.preparedQuery("UPDATE incident_alert SET firing = TRUE, resolved_at = NULL, severity = ?"
                  + " WHERE incident_id = ? AND alert_id = ?").execute(Tuple.of(alert.severity().label(), id, alert.id()))
              : connection.preparedQuery("INSERT INTO incident_alert (incident_id, alert_id, rule, severity, device, firing,"
                      + " added_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)")
                  .execute(Tuple.of(id, alert.id(), alert.rule(), alert.severity().label(), alert.device(), timestamp(now)));
          return written.compose(v -> worstSeverity(connection, id, now)).map(true);
        });
  }

  private Future<Void> worstSeverity(SqlConnection connection, long id, Instant now) {
    return select(connection, "SELECT severity FROM incident_alert WHERE incident_id = ?", Tuple.of(id),
            row -> Severity.valueOf(row.getString("severity").toUpperCase(Locale.ROOT)))
        .compose(severities -> connection.preparedQuery("UPDATE incident SET severity = ?, updated_at = ? WHERE id = ?")
            .execute(Tuple.of(severities.stream().sorted().findFirst().orElse(Severity.INFO).label(), timestamp(now), id))
            .mapEmpty());
  }

  Future<Void> resolveAlert(SqlConnection connection, long id, String alertId, Instant now) {
    return connection.preparedQuery("UPDATE incident_alert SET firing = FALSE, resolved_at = ? WHERE incident_id = ? AND alert_id = ?")
        .execute(Tuple.of(timestamp(now), id, alertId))
        .compose(v -> touch(connection, id, now));
  }

  /** Triggered → acknowledged; false when it was not triggered (any more). */
  Future<Boolean> acknowledge(SqlConnection connection, long id, String person, Instant now) {
    return connection.preparedQuery("UPDATE incident SET state = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?,"
            + " assignee = COALESCE(assignee, ?), updated_at = ? WHERE id = ? AND state = 'triggered'")
        .execute(Tuple.of(person, timestamp(now), person, timestamp(now), id))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Open → resolved, acknowledging it by {@code person} if nobody had; false when it was resolved already. */
  Future<Boolean> resolve(SqlConnection connection, long id, Optional<String> person, Instant now) {
    String acknowledging = person.isEmpty() ? ""
        : ", acknowledged_by = COALESCE(acknowledged_by, ?), acknowledged_at = COALESCE(acknowledged_at, ?)";
    List<Object> parameters = new ArrayList<>(List.of(timestamp(now), timestamp(now)));
    person.ifPresent(who -> parameters.addAll(List.of(who, timestamp(now))));
    parameters.add(id);
    return connection.preparedQuery("UPDATE incident SET state = 'resolved', resolved_at = ?, updated_at = ?" + acknowledging
            + " WHERE id = ? AND state <> 'resolved'")
        .execute(Tuple.from(parameters))
        .map(rows -> rows.rowCount() > 0);
  }

  Future<Void> assign(SqlConnection connection, long id, String person, Instant now) {
    return connection.preparedQuery("UPDATE incident SET assignee = ?, updated_at = ? WHERE id = ?")
        .execute(Tuple.of(person, timestamp(now), id))
        .mapEmpty();
  }

  Future<Void> touch(SqlConnection connection, long id, Instant now) {
    return connection.preparedQuery("UPDATE incident SET updated_at = ? WHERE id = ?")
        .execute(Tuple.of(timestamp(now), id))
        .mapEmpty();
  }

  /** Remembers who was told about the incident (once per person). */
  Future<Void> addRecipients(SqlConnection connection, long id, List<String> people) {
    Future<Void> added = Future.succeededFuture();
    for (String person : people) {
      added = added.compose(v -> connection.preparedQuery("SELECT 1 FROM incident_recipient WHERE incident_id = ? AND person_id = ?")
          .execute(Tuple.of(id, person))
          .compose(found -> found.size() > 0
              ? Future.<Void>succeededFuture()
              : connection.preparedQuery("INSERT INTO incident_recipient (incident_id, person_id) VALUES (?, ?)")
                  .execute(Tuple.of(id, person)).<Void>mapEmpty()));
    }
    return added;
  }

  Future<TimelineEntry> append(SqlConnection connection, long id, Instant at, TimelineEntry.Kind kind,
      Optional<String> actor, Optional<String> channel, String text, Map<String, ?> details) {
    String json = IncidentRows.json(details);
    return connection.preparedQuery(IncidentRows.INSERT_TIMELINE)
        .execute(Tuple.from(Arrays.asList(id, timestamp(at), kind.label(), actor.orElse(null), channel.orElse(null),
            text, json)))
        .map(rows -> new TimelineEntry(rows.property(JDBCPool.GENERATED_KEYS).getLong("id"), id,
            timestamp(at).toInstant(), kind, actor, channel, text, new io.vertx.core.json.JsonObject(json).getMap()));
  }

  private static <T> Future<List<T>> select(SqlClient client, String sql, Tuple parameters, Function<Row, T> mapper) {
    return client.preparedQuery(sql)
        .execute(parameters)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(mapper).toList());
  }
}
