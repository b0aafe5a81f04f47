package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/**
 * Who is on call, shifts and overrides through the real HTTP server, over the shipped oncall.yaml in a
 * real H2 store. "Now" is Wednesday 25 March 2026, 10:00 in Berlin: Thomas Becker's week for Netzwerk.
 */
class OnCallApiTest {

  private static final String NETZ = "netz-rufbereitschaft";

  @TempDir Path dir;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void who_is_on_call_now_for_a_team_with_the_shift() {
    Answer answer = server.client.get("/api/v1/oncall?team=netz");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("at")).isEqualTo(ApiServer.NOW.toString());
    JsonObject team = answer.array("teams").getJsonObject(0);
    assertThat(team.getString("name")).isEqualTo("Netzwerk");
    JsonObject schedule = team.getJsonArray("schedules").getJsonObject(0);
    assertThat(schedule.getString("id")).isEqualTo(NETZ);
    assertThat(schedule.getString("time_zone")).isEqualTo("Europe/Berlin");
    JsonObject onCall = schedule.getJsonObject("on_call");
    assertThat(onCall.getString("person")).isEqualTo("tbecker");
    assertThat(onCall.getString("name")).isEqualTo("Thomas Becker");
    assertThat(onCall.getString("layer")).isEqualTo("Wochendienst");
    // Handed over Monday 09:00 (CET); the weekend night layer takes over on Saturday 20:00.
    assertThat(onCall.getString("start")).isEqualTo("2026-03-23T08:00:00Z");
    assertThat(onCall.getString("end")).isEqualTo("2026-03-28T19:00:00Z");
  }

  @Test
  void who_was_on_call_at_a_local_time_in_berlin_including_the_overrides_of_the_file() {
    Answer answer = server.client.get("/api/v1/oncall?team=netz&at=2026-03-03T03:00");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("at")).isEqualTo("2026-03-03T02:00:00Z");
    JsonObject onCall = answer.array("teams").getJsonObject(0).getJsonArray("schedules").getJsonObject(0).getJsonObject("on_call");
    assertThat(onCall.getString("person")).isEqualTo("jschmidt");
    assertThat(onCall.getString("override")).isEqualTo("Tausch mit Katrin");
  }

  @Test
  void without_a_team_every_team_is_shown() {
    Answer answer = server.client.get("/api/v1/oncall?at=2026-03-25T10:00:00%2B01:00");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.array("teams").stream().map(team -> ((JsonObject) team).getString("id")).toList())
        .containsExactly("netz", "fachverfahren");
  }

  @Test
  void an_unknown_team_is_a_404_and_a_bad_time_a_400_naming_the_parameter() {
    Answer unknown = server.client.get("/api/v1/oncall?team=noc");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().getString("message")).contains("team noc");

    Answer badTime = server.client.get("/api/v1/oncall?team=netz&at=morgen");
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.error().getString("field")).isEqualTo("at");
  }

  @Test
  void an_override_applies_at_once_and_ends_when_deleted() throws Exception {
    Answer created = server.client.post("/api/v1/oncall/overrides", new JsonObject()
        .put("schedule", NETZ).put("person", "mmueller")
        .put("start", "2026-03-25T08:00").put("end", "2026-03-26T08:00")
        .put("author", "jana").put("reason", "Thomas ist krank"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getLong("id");
    assertThat(created.location()).hasValue("/api/v1/oncall/overrides/" + id);
    assertThat(created.json().getString("start")).isEqualTo("2026-03-25T07:00:00Z");
    assertThat(created.json().getString("created_by")).isEqualTo("jana");
    assertThat(netzNow().getString("person")).isEqualTo("mmueller");
    assertThat(netzNow().getString("override")).isEqualTo("Thomas ist krank");
    assertThat(server.client.get("/api/v1/oncall/overrides?schedule=" + NETZ).array("overrides")).hasSize(1);
    JsonArray shifts = server.client.get("/api/v1/oncall/schedules/" + NETZ + "/shifts?from=2026-03-25T00:00&to=2026-03-27T00:00")
        .array("shifts");
    assertThat(shifts.stream().map(shift -> ((JsonObject) shift).getString("person")).toList())
        .containsExactly("tbecker", "mmueller", "tbecker");
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'oncall.override.create'")).isEqualTo(1);

    Answer deleted = server.client.send("DELETE", "/api/v1/oncall/overrides/" + id + "?author=jana", null);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(netzNow().getString("person")).isEqualTo("tbecker");
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'oncall.override.delete'")).isEqualTo(1);
    assertThat(server.client.send("DELETE", "/api/v1/oncall/overrides/" + id + "?author=jana", null).status()).isEqualTo(404);
  }

  @Test
  void an_override_for_an_unknown_person_or_schedule_is_refused_naming_the_field() {
    JsonObject override = new JsonObject()
        .put("schedule", NETZ).put("person", "mmueller")
        .put("start", "2026-03-25T08:00").put("end", "2026-03-26T08:00").put("author", "jana");

    Answer person = server.client.post("/api/v1/oncall/overrides", override.copy().put("person", "mmuller"));
    assertThat(person.status()).isEqualTo(400);
    assertThat(person.error().getString("field")).isEqualTo("person");
    assertThat(person.error().getString("message")).contains("did you mean mmueller?");

    Answer schedule = server.client.post("/api/v1/oncall/overrides", override.copy().put("schedule", "netz"));
    assertThat(schedule.status()).isEqualTo(400);
    assertThat(schedule.error().getString("field")).isEqualTo("schedule");

    Answer backwards = server.client.post("/api/v1/oncall/overrides", override.copy().put("end", "2026-03-24T08:00"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.error().getString("field")).isEqualTo("end");

    Answer noAuthor = server.client.post("/api/v1/oncall/overrides", override.copy().put("author", " "));
    assertThat(noAuthor.status()).isEqualTo(400);
    assertThat(noAuthor.error().getString("field")).isEqualTo("author");

    assertThat(netzNow().getString("person")).isEqualTo("tbecker");
  }

  @Test
  void shifts_are_limited_in_range_and_known_schedules_only() {
    Answer week = server.client.get("/api/v1/oncall/schedules/" + NETZ + "/shifts");
    assertThat(week.status()).as(week.body()).isEqualTo(200);
    assertThat(week.json().getString("to")).isEqualTo("2026-04-01T09:00:00Z");
    assertThat(week.array("shifts").getJsonObject(0).getString("name")).isEqualTo("Thomas Becker");

    Answer tooLong = server.client.get("/api/v1/oncall/schedules/" + NETZ + "/shifts?from=2026-01-01T00:00&to=2027-03-01T00:00");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.error().getString("field")).isEqualTo("to");

    assertThat(server.client.get("/api/v1/oncall/schedules/nothing/shifts").status()).isEqualTo(404);
  }

  @Test
  void people_and_teams_are_listed_without_webhooks() {
    Answer people = server.client.get("/api/v1/people");

    assertThat(people.status()).isEqualTo(200);
    JsonObject jan = people.array("people").stream().map(JsonObject.class::cast)
        .filter(person -> person.getString("id").equals("jschmidt")).findFirst().orElseThrow();
    assertThat(jan.getString("email")).isEqualTo("j.schmidt@kdo.example");
    assertThat(jan.getJsonArray("teams").getList()).containsExactly("netz");
    assertThat(people.body()).doesNotContain("hooks").doesNotContain("webhook");

    Answer teams = server.client.get("/api/v1/teams");
    JsonObject netz = teams.array("teams").getJsonObject(0);
    assertThat(netz.getString("policy")).isEqualTo("netz-standard");
    assertThat(netz.getJsonArray("schedules").getList()).containsExactly(NETZ);
    assertThat(netz.getJsonArray("members").getList()).contains("mmueller", "akoch");
  }

  private JsonObject netzNow() {
    Answer answer = server.client.get("/api/v1/oncall?team=netz");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.array("teams").getJsonObject(0).getJsonArray("schedules").getJsonObject(0).getJsonObject("on_call");
  }
}
