package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.maintenance.InvalidScheduleException;
import org.leitwarte.alerting.maintenance.MaintenanceRequest;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;
import org.leitwarte.alerting.maintenance.Schedule;
import org.leitwarte.alerting.maintenance.ScheduleFormat;
import org.leitwarte.alerting.silence.MatcherJson;

/**
 * Maintenance windows as the API shows them and reads them (the MaintenanceWindow and
 * NewMaintenanceWindow schemas of the document); schedules in {@link ScheduleFormat}'s map form.
 */
final class MaintenanceJson {

  private static final Pattern PROBLEM_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\[\\]]*): .*", Pattern.DOTALL);

  private MaintenanceJson() {}

  static JsonObject windows(List<MaintenanceWindow> windows, Instant now) {
    JsonArray array = new JsonArray();
    windows.forEach(window -> array.add(window(window, now)));
    return new JsonObject().put("maintenance_windows", array);
  }

  static JsonObject window(MaintenanceWindow window, Instant now) {
    return new JsonObject()
        .put("id", window.id())
        .put("scope", MatcherJson.toJson(window.scope()))
        .put("schedule", new JsonObject(ScheduleFormat.format(window.schedule())))
        .put("author", window.author())
        .put("comment", window.comment())
        .put("created_at", window.createdAt().toString())
        .put("expired_at", window.expiredAt().map(Instant::toString).orElse(null))
        .put("active", window.isActive(now))
        .put("next_start", window.nextStart(now).map(Instant::toString).orElse(null));
  }

  /** @throws InvalidInputException naming the field, e.g. {@code schedule.end} */
  static MaintenanceRequest request(JsonObject body) {
    return new MaintenanceRequest(
        MatcherBodies.read(body.getJsonArray("scope"), "scope"),
        schedule(body.getJsonObject("schedule")),
        body.getString("comment", ""));
  }

  private static Schedule schedule(JsonObject schedule) {
    if (schedule == null) {
      throw new InvalidInputException("schedule", "missing");
    }
    try {
      // Re-read from text: ScheduleFormat takes plain maps and lists, as parsed JSON text gives them.
      Map<String, Object> map = new JsonObject(schedule.encode()).getMap();
      return ScheduleFormat.parse(map, "schedule");
    } catch (InvalidScheduleException e) {
      throw invalid(e);
    }
  }

  /** Blames the field of the first problem; the message keeps every problem as ScheduleFormat wrote it. */
  private static InvalidInputException invalid(InvalidScheduleException refusal) {
    Matcher first = PROBLEM_FIELD.matcher(refusal.problems().get(0));
    String field = first.matches() ? first.group(1) : "schedule";
    String message = refusal.getMessage();
    return new InvalidInputException(field, message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message);
  }
}
