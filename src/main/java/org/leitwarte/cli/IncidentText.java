package org.leitwarte.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Incidents, timelines and on-call answers of the API as text for a terminal. Pure. */
final class IncidentText {

  static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LOCAL);
  private static final int MAX_TITLE = 60;

  private IncidentText() {}

  /** One row per incident: reference, state, severity, team, tenant, title, age. */
  static List<String> table(JsonArray incidents, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("REFERENCE", "STATE", "SEVERITY", "TEAM", "TENANT", "AGE", "TITLE"));
    for (int i = 0; i < incidents.size(); i++) {
      JsonObject incident = incidents.getJsonObject(i);
      rows.add(List.of(
          incident.getString("reference", ""),
          incident.getString("state", ""),
          text(incident.getString("severity")),
          text(incident.getString("team")),
          text(incident.getString("tenant")),
          age(Instant.parse(incident.getString("created_at")), now),
          shorten(incident.getString("title", ""))));
    }
    return columns(rows);
  }

  static List<String> incident(JsonObject incident, JsonArray alerts, JsonArray timeline) {
    List<String> lines = new ArrayList<>();
    lines.add(incident.getString("reference") + "  " + incident.getString("title"));
    lines.add("state:     " + incident.getString("state")
        + (incident.getString("acknowledged_by") == null ? ""
            : " (acknowledged by " + incident.getString("acknowledged_by") + " " + when(incident.getString("acknowledged_at")) + ")"));
    lines.add("severity:  " + text(incident.getString("severity")));
    lines.add("team:      " + text(incident.getString("team")) + " (policy " + text(incident.getString("policy")) + ")");
    lines.add("tenant:    " + text(incident.getString("tenant")));
    lines.add("assignee:  " + text(incident.getString("assignee")));
    lines.add("created:   " + when(incident.getString("created_at")));
    if (incident.getString("resolved_at") != null) {
      lines.add("resolved:  " + when(incident.getString("resolved_at")));
    }
    lines.add("labels:    " + labels(incident.getJsonObject("group_labels", new JsonObject())));
    lines.add("");
    lines.add("Alerts (" + incident.getInteger("firing_alerts", 0) + " of " + incident.getInteger("alerts", 0) + " firing):");
    for (int i = 0; i < alerts.size(); i++) {
      JsonObject alert = alerts.getJsonObject(i);
      JsonObject alertLabels = alert.getJsonObject("labels", new JsonObject());
      String summary = alert.getJsonObject("annotations", new JsonObject()).getString("summary", "");
      lines.add("  " + alert.getString("state") + "  " + alert.getString("rule") + "  " + text(alertLabels.getString("device"))
          + "  since " + when(alert.getString("since")) + (summary.isEmpty() ? "" : "  " + summary));
    }
    lines.add("");
    lines.add("Timeline:");
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject entry = timeline.getJsonObject(i);
      String actor = entry.getString("actor") == null ? "" : " " + entry.getString("actor");
      String channel = entry.getString("channel") == null ? "" : " via " + entry.getString("channel");
      lines.add("  " + when(entry.getString("at")) + "  " + entry.getString("kind") + actor + channel + ": " + entry.getString("text"));
    }
    return lines;
  }

  /** One line per schedule: team, schedule, who, until when. */
  static List<String> onCall(JsonObject answer) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("TEAM", "SCHEDULE", "ON CALL", "SINCE", "UNTIL", "BECAUSE"));
    JsonArray teams = answer.getJsonArray("teams", new JsonArray());
    for (int t = 0; t < teams.size(); t++) {
      JsonObject team = teams.getJsonObject(t);
      JsonArray schedules = team.getJsonArray("schedules", new JsonArray());
      if (schedules.isEmpty()) {
        rows.add(List.of(team.getString("id"), "-", "(no schedule)", "", "", ""));
      }
      for (int s = 0; s < schedules.size(); s++) {
        JsonObject schedule = schedules.getJsonObject(s);
        JsonObject who = schedule.getJsonObject("on_call");
        if (who == null) {
          rows.add(List.of(team.getString("id"), schedule.getString("id"), "(nobody)", "", "", ""));
          continue;
        }
        String because = who.getString("override") != null ? "override: " + who.getString("override") : text(who.getString("layer"));
        rows.add(List.of(team.getString("id"), schedule.getString("id"), who.getString("name") + " (" + who.getString("person") + ")",
            when(who.getString("start")), when(who.getString("end")), because));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("On call at " + when(answer.getString("at")) + " (" + LOCAL.getId() + "):");
    lines.addAll(columns(rows));
    return lines;
  }

  /** {@code 45s}, {@code 12m}, {@code 3h 05m}, {@code 2d 4h}. */
  static String age(Instant since, Instant now) {
    Duration age = Duration.between(since, now);
    if (age.isNegative()) {
      return "0s";
    }
    if (age.toMinutes() < 1) {
      return age.toSeconds() + "s";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + "m";
    }
    if (age.toDays() < 1) {
      return String.format("%dh %02dm", age.toHours(), age.toMinutesPart());
    }
    return age.toDays() + "d " + age.toHoursPart() + "h";
  }

  /** An instant of the API in local time; {@code -} for none. */
  static String when(String instant) {
    return instant == null ? "-" : WHEN.format(Instant.parse(instant));
  }

  private static String labels(JsonObject labels) {
    Map<String, Object> sorted = new TreeMap<>(labels.getMap());
    return sorted.isEmpty() ? "-" : sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .reduce((a, b) -> a + " " + b).orElse("");
  }

  private static String text(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  private static String shorten(String title) {
    return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
  }

  /** Rows as left-aligned columns, two spaces apart; the last column is not padded. */
  private static List<String> columns(List<List<String>> rows) {
    int count = rows.get(0).size();
    int[] widths = new int[count];
    rows.forEach(row -> {
      for (int i = 0; i < count; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    });
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < count; i++) {
        line.append(i == count - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
