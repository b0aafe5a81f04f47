package org.leitwarte.incident.engine;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.TimelineEntry;

/**
 * The SQL of the incident tables (V5) and the mapping of their rows. States and kinds are stored by
 * their lower-case labels, label sets and details as JSON, instants to the millisecond.
 */
final class IncidentRows {

  static final String OPEN_STATES = "('triggered', 'acknowledged')";

  static final String SELECT_INCIDENTS = "SELECT i.id, i.group_key, i.title, i.state, i.severity, i.team, i.policy,"
      + " i.group_labels, i.tenant, i.created_at, i.updated_at, i.acknowledged_by, i.acknowledged_at, i.assignee,"
      + " i.resolved_at, i.auto_resolve, i.repeat_interval,"
      + " (SELECT count(*) FROM incident_alert a WHERE a.incident_id = i.id) AS alert_count,"
      + " (SELECT count(*) FROM incident_alert a WHERE a.incident_id = i.id AND a.firing) AS firing_count"
      + " FROM incident i";

  static final String INSERT_INCIDENT = "INSERT INTO incident (group_key, title, state, severity, team, policy, route_id,"
      + " group_labels, tenant, auto_resolve, repeat_interval, created_at, updated_at)"
      + " VALUES (?, ?, 'triggered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String SELECT_TIMELINE =
      "SELECT id, incident_id, at, kind, actor, channel, text, details FROM incident_timeline";
  static final String INSERT_TIMELINE =
      "INSERT INTO incident_timeline (incident_id, at, kind, actor, channel, text, details) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private IncidentRows() {}

  /** An incident and what the engine keeps beside it. */
  record Stored(Incident incident, boolean autoResolve, long repeatIntervalMillis) {}

  static Stored stored(Row row) {
    Incident incident = new Incident(
        row.getLong("id"),
        row.getString("group_key"),
        row.getString("title"),
        IncidentState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
        row.getString("severity"),
        row.getString("team"),
        row.getString("policy"),
        strings(new JsonObject(row.getString("group_labels"))),
        row.getString("tenant"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        Optional.ofNullable(row.getString("acknowledged_by")),
        Optional.ofNullable(row.getOffsetDateTime("acknowledged_at")).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getString("assignee")),
        Optional.ofNullable(row.getOffsetDateTime("resolved_at")).map(OffsetDateTime::toInstant),
        row.getLong("alert_count").intValue(),
        row.getLong("firing_count").intValue());
    return new Stored(incident, row.getBoolean("auto_resolve"), row.getLong("repeat_interval"));
  }

  static TimelineEntry entry(Row row) {
    return new TimelineEntry(
        row.getLong("id"),
        row.getLong("incident_id"),
        instant(row, "at"),
        TimelineEntry.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(row.getString("actor")),
        Optional.ofNullable(row.getString("channel")),
        row.getString("text"),
        new JsonObject(row.getString("details")).getMap());
  }

  static String json(Map<String, ?> values) {
    return new JsonObject(new TreeMap<String, Object>(values)).encode();
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  static Instant instant(Row row, String column) {
    return row.getOffsetDateTime(column).toInstant();
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> strings = new TreeMap<>();
    object.forEach(entry -> strings.put(entry.getKey(), String.valueOf(entry.getValue())));
    return strings;
  }
}
