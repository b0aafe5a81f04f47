package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leitwarte.alerting.Alert;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.TimelineEntry;

/** Incidents and their timelines as the API shows them (the Incident and TimelineEntry schemas of the document). */
final class IncidentJson {

  private IncidentJson() {}

  static JsonObject incidents(List<Incident> incidents) {
    JsonArray array = new JsonArray();
    incidents.forEach(incident -> array.add(incident(incident)));
    return new JsonObject().put("incidents", array);
  }

  static JsonObject incident(Incident incident) {
    return new JsonObject()
        .put("id", incident.id())
        .put("reference", incident.reference())
        .put("title", incident.title())
        .put("state", incident.state().label())
        .put("severity", incident.severity())
        .put("team", incident.team())
        .put("policy", incident.policy())
        .put("tenant", incident.tenant() == null ? "" : incident.tenant())
        .put("group_labels", new JsonObject(new TreeMap<String, Object>(incident.groupLabels())))
        .put("created_at", text(incident.createdAt()))
        .put("updated_at", text(incident.updatedAt()))
        .put("acknowledged_by", incident.acknowledgedBy().orElse(null))
        .put("acknowledged_at", incident.acknowledgedAt().map(Instant::toString).orElse(null))
        .put("assignee", incident.assignee().orElse(null))
        .put("resolved_at", incident.resolvedAt().map(Instant::toString).orElse(null))
        .put("alerts", incident.alerts())
        .put("firing_alerts", incident.firingAlerts());
  }

  static JsonObject withAlerts(Incident incident, List<Alert> alerts, String language) {
    return new JsonObject()
        .put("incident", incident(incident))
        .put("alerts", AlertJson.alerts(alerts, language).getJsonArray("alerts"));
  }

  static JsonObject timeline(List<TimelineEntry> entries) {
    JsonArray array = new JsonArray();
    entries.forEach(entry -> array.add(entry(entry)));
    return new JsonObject().put("timeline", array);
  }

  static JsonObject entry(TimelineEntry entry) {
    return new JsonObject()
        .put("id", entry.id())
        .put("at", entry.at().toString())
        .put("kind", entry.kind().label())
        .put("actor", entry.actor().orElse(null))
        .put("channel", entry.channel().orElse(null))
        .put("text", entry.text())
        .put("details", new JsonObject(new TreeMap<String, Object>(jsonFriendly(entry.details()))));
  }

  /** Details are strings, numbers and booleans by contract; anything else is shown as its text. */
  private static Map<String, Object> jsonFriendly(Map<String, Object> details) {
    Map<String, Object> copy = new TreeMap<>();
    details.forEach((key, value) -> copy.put(key,
        value instanceof String || value instanceof Number || value instanceof Boolean ? value : String.valueOf(value)));
    return copy;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
