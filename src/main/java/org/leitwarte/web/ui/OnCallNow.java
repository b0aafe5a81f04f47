package org.leitwarte.web.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.OnCallSchedule;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.web.Messages;

/** The "who is on call now" box: each schedule with its team and the people on call at this moment. */
final class OnCallNow {

  private OnCallNow() {}

  static List<Map<String, Object>> of(OnCallSnapshot snapshot, Instant now, Messages messages) {
    return snapshot.config().schedules().stream().map(schedule -> row(snapshot, schedule, now, messages)).toList();
  }

  private static Map<String, Object> row(OnCallSnapshot snapshot, OnCallSchedule schedule, Instant now, Messages messages) {
    String people = snapshot.onCall(schedule.id(), now).stream().map(Person::name).collect(Collectors.joining(", "));
    String team = schedule.team().flatMap(snapshot::team).map(Team::name).orElse("");
    return Map.of("schedule", schedule.name(), "team", team,
        "people", people.isEmpty() ? messages.text("ui.oncall.nobody") : people);
  }
}
