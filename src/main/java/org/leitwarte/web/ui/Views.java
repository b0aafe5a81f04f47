package org.leitwarte.web.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.incident.Incident;
import org.leitwarte.status.DeviceStatus;
import org.leitwarte.status.Status;
import org.leitwarte.status.Summary;
import org.leitwarte.web.Language;
import org.leitwarte.web.Messages;

/** Value types as the templates show them: maps of plain strings, numbers and booleans. */
final class Views {

  private Views() {}

  /** A state as text and as the CSS class that colours it (the text is always there: never colour alone). */
  static Map<String, Object> state(Status status, Messages messages) {
    return Map.of("label", status.label(), "text", messages.text("ui.state." + status.label()));
  }

  static Map<String, Object> summary(String id, String name, Summary summary, Messages messages) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", id);
    view.put("name", name);
    view.put("state", state(summary.status(), messages));
    view.put("devices", summary.devices());
    view.put("down", summary.devicesDown());
    view.put("firing", summary.alertsFiring());
    view.put("maintenance", summary.inMaintenance());
    return view;
  }

  static Map<String, Object> device(DeviceStatus device, Messages messages) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", device.id());
    view.put("address", device.device().address());
    view.put("state", state(device.status(), messages));
    view.put("firing", device.alertsFiring());
    view.put("down", device.down());
    return view;
  }

  static Map<String, Object> alert(Alert alert, Messages messages) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", alert.id());
    view.put("rule", alert.rule());
    view.put("device", alert.device());
    view.put("summary", summary(alert, messages.language()).orElse(alert.rule()));
    view.put("severity", alert.severity().label());
    view.put("severity_text", messages.text("ui.severity." + alert.severity().label()));
    view.put("state_text", messages.text("ui.alert.state." + alert.state().label()));
    view.put("since", Pages.when(alert.since(), messages));
    // Only a firing alert offers a ticket: one that is over needs none.
    view.put("ticketable", alert.state() == AlertState.FIRING);
    return view;
  }

  /** The alert's summary in {@code language}, else the German one (every rule has it). */
  static Optional<String> summary(Alert alert, String language) {
    return Optional.ofNullable(alert.annotations().get(language))
        .map(texts -> texts.get("summary"))
        .or(() -> Optional.ofNullable(alert.annotations().get(Language.GERMAN)).map(texts -> texts.get("summary")));
  }

  static Map<String, Object> incident(
      Incident incident, Map<String, String> tenantNames, Function<String, String> personName, Messages messages) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", incident.id());
    view.put("reference", incident.reference());
    view.put("title", incident.title());
    view.put("state", incident.state().label());
    view.put("state_text", messages.text("ui.incident.state." + incident.state().label()));
    view.put("severity", incident.severity());
    view.put("team", incident.team());
    view.put("tenant", incident.tenant());
    view.put("tenant_name", tenantNames.getOrDefault(incident.tenant(), incident.tenant()));
    view.put("created", Pages.when(incident.createdAt(), messages));
    view.put("updated", Pages.when(incident.updatedAt(), messages));
    view.put("assignee", incident.assignee().map(personName).orElse(""));
    view.put("acknowledged_by", incident.acknowledgedBy().map(personName).orElse(""));
    view.put("alerts", incident.alerts());
    view.put("firing", incident.firingAlerts());
    return view;
  }

  static List<Map<String, Object>> alerts(List<Alert> alerts, Messages messages) {
    return alerts.stream().map(alert -> alert(alert, messages)).toList();
  }
}
