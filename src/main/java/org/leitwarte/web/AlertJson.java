package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.history.HistoryEntry;

/** Alerts and their history as the API shows them (see the Alert and HistoryEntry schemas of the document). */
final class AlertJson {

  private AlertJson() {}

  static JsonObject alerts(List<Alert> alerts, String language) {
    JsonArray array = new JsonArray();
    alerts.forEach(alert -> array.add(alert(alert, language)));
    return new JsonObject().put("alerts", array);
  }

  static JsonObject alert(Alert alert, String language) {
    return new JsonObject()
        .put("id", alert.id())
        .put("rule", alert.rule())
        .put("severity", alert.severity().label())
        .put("state", alert.state().label())
        .put("labels", labels(alert.labels()))
        .put("since", alert.since().toString())
        .put("active_since", alert.activeSince().toString())
        .put("value", alert.value().orElse(null))
        .put("suppressed_by", alert.suppressedBy().orElse(null))
        .put("flapping", alert.flapping())
        .put("annotations", new JsonObject(new TreeMap<String, Object>(annotations(alert, language))));
  }

  static JsonObject history(List<HistoryEntry> entries) {
    JsonArray array = new JsonArray();
    entries.forEach(entry -> array.add(entry(entry)));
    return new JsonObject().put("history", array);
  }

  static JsonObject entry(HistoryEntry entry) {
    return new JsonObject()
        .put("alert_id", entry.alertId())
        .put("rule", entry.rule())
        .put("severity", entry.severity().label())
        .put("labels", labels(entry.labels()))
        .put("at", entry.at().toString())
        .put("from_state", entry.fromState().map(AlertState::label).orElse(null))
        .put("to_state", entry.toState().label())
        .put("suppressed_by", entry.suppressedBy().orElse(null))
        .put("previous_suppressed_by", entry.previousSuppressedBy().orElse(null))
        .put("value", entry.value().orElse(null))
        .put("flapping", entry.flapping());
  }

  /** The texts in {@code language}; German (every rule has it) when the rule has none in that language. */
  private static Map<String, String> annotations(Alert alert, String language) {
    Map<String, Map<String, String>> all = alert.annotations();
    return Optional.ofNullable(all.get(language))
        .filter(texts -> !texts.isEmpty())
        .or(() -> Optional.ofNullable(all.get(Language.GERMAN)))
        .orElse(Map.of());
  }

  private static JsonObject labels(Map<String, String> labels) {
    return new JsonObject(new TreeMap<String, Object>(labels));
  }
}
