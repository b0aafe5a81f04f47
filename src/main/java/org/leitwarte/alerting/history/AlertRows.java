package org.leitwarte.alerting.history;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;

/**
 * The SQL of the {@code alert} and {@code alert_history} tables and the mapping between their rows and
 * {@link Alert} and {@link HistoryEntry}. States and severities are stored by their lower-case labels,
 * labels and annotations as JSON, instants to the millisecond.
 */
final class AlertRows {

  private static final String ALERT_COLUMNS =
      "id, rule, severity, state, labels, annotations, active_since, since, metric_value, suppressed_by, flapping";

  static final String SELECT_ALERTS = "SELECT " + ALERT_COLUMNS + " FROM alert";
  static final String UPDATE_ALERT =
      "UPDATE alert SET rule = ?, severity = ?, state = ?, labels = ?, annotations = ?, active_since = ?, since = ?,"
          + " metric_value = ?, suppressed_by = ?, flapping = ?, tenant = ?, device = ?, updated_at = ? WHERE id = ?";
  static final String INSERT_ALERT =
      "INSERT INTO alert (rule, severity, state, labels, annotations, active_since, since, metric_value, suppressed_by,"
          + " flapping, tenant, device, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String DELETE_ALERT = "DELETE FROM alert WHERE id = ?";
  static final String DELETE_RESOLVED_BEFORE = "DELETE FROM alert WHERE state = 'resolved' AND since < ?";

  static final String SELECT_HISTORY =
      "SELECT alert_id, rule, severity, labels, at, from_state, to_state, suppressed_by, metric_value, detail"
          + " FROM alert_history";
  static final String INSERT_HISTORY =
      "INSERT INTO alert_history (alert_id, rule, severity, labels, tenant, device, at, from_state, to_state,"
          + " suppressed_by, metric_value, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String DELETE_HISTORY_BEFORE = "DELETE FROM alert_history WHERE at < ?";

  private AlertRows() {}

  /** Parameters of {@link #UPDATE_ALERT} and {@link #INSERT_ALERT} (the id last). */
  static Tuple alertParameters(Alert alert, Instant updatedAt) {
    return Tuple.from(Arrays.asList(
        alert.rule(),
        alert.severity().label(),
        alert.state().label(),
        labelsJson(alert.labels()),
        annotationsJson(alert.annotations()).encode(),
        timestamp(alert.activeSince()),
        timestamp(alert.since()),
        alert.value().orElse(null),
        alert.suppressedBy().orElse(null),
        alert.flapping(),
        alert.tenant(),
        alert.device(),
        timestamp(updatedAt),
        alert.id()));
  }

  static Alert alert(Row row) {
    return new Alert(
        row.getString("id"),
        row.getString("rule"),
        severity(row.getString("severity")),
        state(row.getString("state")),
        labels(row.getString("labels")),
        annotations(row.getString("annotations")),
        instant(row, "active_since"),
        instant(row, "since"),
        Optional.ofNullable(row.getDouble("metric_value")),
        Optional.ofNullable(row.getString("suppressed_by")),
        row.getBoolean("flapping"));
  }

  static Tuple historyParameters(AlertChange change) {
    Alert alert = change.alert();
    JsonObject detail = new JsonObject().put("flapping", alert.flapping());
    change.previousSuppressedBy().ifPresent(previous -> detail.put("previous_suppressed_by", previous));
    return Tuple.from(Arrays.asList(
        alert.id(),
        alert.rule(),
        alert.severity().label(),
        labelsJson(alert.labels()),
        alert.tenant(),
        alert.device(),
        timestamp(change.at()),
        change.previousState().map(AlertState::label).orElse(null),
        alert.state().label(),
        alert.suppressedBy().orElse(null),
        alert.value().orElse(null),
        detail.encode()));
  }

  static HistoryEntry historyEntry(Row row) {
    JsonObject detail = new JsonObject(row.getString("detail"));
    return new HistoryEntry(
        row.getString("alert_id"),
        row.getString("rule"),
        severity(row.getString("severity")),
        labels(row.getString("labels")),
        instant(row, "at"),
        Optional.ofNullable(row.getString("from_state")).map(AlertRows::state),
        state(row.getString("to_state")),
        Optional.ofNullable(row.getString("suppressed_by")),
        Optional.ofNullable(detail.getString("previous_suppressed_by")),
        Optional.ofNullable(row.getDouble("metric_value")),
        detail.getBoolean("flapping", false));
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  private static Instant instant(Row row, String column) {
    return row.getOffsetDateTime(column).toInstant();
  }

  private static Severity severity(String label) {
    return Severity.valueOf(label.toUpperCase(Locale.ROOT));
  }

  static AlertState state(String label) {
    return AlertState.valueOf(label.toUpperCase(Locale.ROOT));
  }

  private static JsonObject annotationsJson(Map<String, Map<String, String>> annotations) {
    JsonObject json = new JsonObject();
    new TreeMap<>(annotations).forEach((language, texts) -> json.put(language, new JsonObject(new TreeMap<String, Object>(texts))));
    return json;
  }

  private static String labelsJson(Map<String, String> labels) {
    return new JsonObject(new TreeMap<String, Object>(labels)).encode();
  }

  private static Map<String, String> labels(String json) {
    return strings(new JsonObject(json));
  }

  private static Map<String, Map<String, String>> annotations(String json) {
    Map<String, Map<String, String>> annotations = new TreeMap<>();
    JsonObject object = new JsonObject(json);
    for (String language : object.fieldNames()) {
      annotations.put(language, strings(object.getJsonObject(language)));
    }
    return annotations;
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> strings = new TreeMap<>();
    object.forEach(entry -> strings.put(entry.getKey(), String.valueOf(entry.getValue())));
    return strings;
  }
}
