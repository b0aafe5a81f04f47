package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.OnCallConfig;
import org.leitwarte.incident.oncall.OnCallJson;
import org.leitwarte.incident.oncall.OnCallSchedule;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.incident.oncall.Shift;

/**
 * People, teams and who is on call as the API shows them (the Person, Team, OnCall and Shift schemas).
 * Webhooks are never shown: chat webhooks carry a token.
 */
final class StaffJson {

  /** How far around the asked instant a shift's start and end are looked for. */
  static final Duration SHIFT_SEARCH = Duration.ofDays(60);

  private StaffJson() {}

  static JsonObject onCall(OnCallSnapshot snapshot, List<Team> teams, Instant at) {
    JsonArray array = new JsonArray();
    for (Team team : teams) {
      JsonArray schedules = new JsonArray();
      schedulesOf(snapshot.config(), team.id()).forEach(schedule -> schedules.add(new JsonObject()
          .put("id", schedule.id())
          .put("name", schedule.name())
          .put("time_zone", schedule.zone().getId())
          .put("on_call", onCall(snapshot, schedule, at))));
      array.add(new JsonObject().put("id", team.id()).put("name", team.name()).put("schedules", schedules));
    }
    return new JsonObject().put("at", at.toString()).put("teams", array);
  }

  /** Who is on call at {@code at} and their shift; null when nobody is. */
  private static JsonObject onCall(OnCallSnapshot snapshot, OnCallSchedule schedule, Instant at) {
    Instant from = at.minus(SHIFT_SEARCH);
    Instant to = at.plus(SHIFT_SEARCH);
    return snapshot.shifts(schedule.id(), from, to).stream()
        .filter(shift -> !shift.start().isAfter(at) && shift.end().isAfter(at))
        .findFirst()
        .map(shift -> {
          JsonObject json = shift(snapshot, shift);
          // A shift cut off by the search window: its real start or end is not known here.
          return json.put("start", shift.start().equals(from) ? null : json.getString("start"))
              .put("end", shift.end().equals(to) ? null : json.getString("end"));
        })
        .orElse(null);
  }

  static JsonObject shift(OnCallSnapshot snapshot, Shift shift) {
    JsonObject json = OnCallJson.shift(shift);
    return json.put("name", snapshot.person(shift.person()).map(Person::name).orElse(shift.person()));
  }

  static JsonObject people(OnCallConfig config) {
    JsonArray array = new JsonArray();
    for (Person person : config.people()) {
      JsonArray teams = new JsonArray();
      config.teams().stream().filter(team -> team.members().contains(person.id())).forEach(team -> teams.add(team.id()));
      array.add(new JsonObject()
          .put("id", person.id())
          .put("name", person.name())
          .put("email", person.email().orElse(null))
          .put("phone", person.phone().orElse(null))
          .put("language", person.language())
          .put("teams", teams));
    }
    return new JsonObject().put("people", array);
  }

  static JsonObject teams(OnCallConfig config) {
    JsonArray array = new JsonArray();
    for (Team team : config.teams()) {
      JsonArray schedules = new JsonArray();
      schedulesOf(config, team.id()).forEach(schedule -> schedules.add(schedule.id()));
      array.add(new JsonObject()
          .put("id", team.id())
          .put("name", team.name())
          .put("members", new JsonArray(new ArrayList<Object>(team.members())))
          .put("policy", team.policy().orElse(null))
          .put("schedules", schedules));
    }
    return new JsonObject().put("teams", array);
  }

  private static List<OnCallSchedule> schedulesOf(OnCallConfig config, String team) {
    return config.schedules().stream().filter(schedule -> schedule.team().filter(team::equals).isPresent()).toList();
  }
}
