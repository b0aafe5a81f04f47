package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/** Incidents through the real HTTP server: listing, reading, acknowledging, resolving, notes, re-assignment. */
class IncidentsApiTest {

  @TempDir Path dir;
  private ApiServer server;
  private Incident router;
  private Incident fachverfahren;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
    router = server.desk.open("wr-router antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW.minus(Duration.ofHours(2)));
    fachverfahren = server.desk.open("Meldewesen langsam", "fachverfahren", "halberstadt", "hbs-app1", ApiServer.NOW.minus(Duration.ofMinutes(5)));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void the_list_shows_every_incident_newest_first_with_its_reference_and_state() {
    Answer answer = server.client.get("/api/v1/incidents");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.array("incidents")).hasSize(2);
    JsonObject newest = answer.array("incidents").getJsonObject(0);
    assertThat(newest.getString("reference")).isEqualTo(fachverfahren.reference());
    assertThat(newest.getString("state")).isEqualTo("triggered");
    assertThat(newest.getString("team")).isEqualTo("fachverfahren");
    assertThat(newest.getString("tenant")).isEqualTo("halberstadt");
    assertThat(newest.getJsonObject("group_labels").getString("device")).isEqualTo("hbs-app1");
    assertThat(newest.getInteger("firing_alerts")).isEqualTo(1);
    assertThat(newest.containsKey("acknowledged_by")).isTrue();
    assertThat(newest.getString("acknowledged_by")).isNull();
  }

  @Test
  void the_list_is_filtered_by_states_tenant_and_team() {
    acknowledge(router.id(), "tbecker");

    assertThat(references("/api/v1/incidents?state=triggered")).containsExactly(fachverfahren.reference());
    assertThat(references("/api/v1/incidents?state=triggered,acknowledged")).containsExactly(fachverfahren.reference(), router.reference());
    assertThat(references("/api/v1/incidents?state=resolved")).isEmpty();
    assertThat(references("/api/v1/incidents?tenant=wernigerode")).containsExactly(router.reference());
    assertThat(references("/api/v1/incidents?team=fachverfahren")).containsExactly(fachverfahren.reference());
    assertThat(references("/api/v1/incidents?limit=1")).containsExactly(fachverfahren.reference());
  }

  @Test
  void an_unknown_state_is_refused_naming_the_parameter() {
    Answer answer = server.client.get("/api/v1/incidents?state=open");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().getString("field")).startsWith("state");
  }

  @Test
  void one_incident_comes_with_its_alerts_in_the_asked_language() {
    Answer answer = server.client.get("/api/v1/incidents/" + router.id() + "?lang=en");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getJsonObject("incident").getString("title")).isEqualTo("wr-router antwortet nicht");
    JsonObject alert = answer.array("alerts").getJsonObject(0);
    assertThat(alert.getString("state")).isEqualTo("firing");
    assertThat(alert.getJsonObject("annotations").getString("summary")).isEqualTo("wr-router does not answer");
  }

  @Test
  void a_missing_incident_is_a_404() {
    Answer answer = server.client.get("/api/v1/incidents/999");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error().getString("code")).isEqualTo("not_found");
    assertThat(server.client.get("/api/v1/incidents/999/timeline").status()).isEqualTo(404);
    assertThat(server.client.post("/api/v1/incidents/999/ack", new JsonObject().put("person", "tbecker")).status()).isEqualTo(404);
  }

  @Test
  void acknowledging_takes_the_incident_and_records_who_via_the_api_from_where() {
    Answer answer = server.client.post("/api/v1/incidents/" + router.id() + "/ack", new JsonObject().put("person", "tbecker"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("state")).isEqualTo("acknowledged");
    assertThat(answer.json().getString("acknowledged_by")).isEqualTo("tbecker");
    assertThat(answer.json().getString("assignee")).isEqualTo("tbecker");
    assertThat(answer.json().getString("acknowledged_at")).isEqualTo(ApiServer.NOW.toString());
    assertThat(server.desk.addresses).containsExactly(Optional.of("127.0.0.1"));

    JsonObject entry = lastEntry(router.id());
    assertThat(entry.getString("kind")).isEqualTo("acknowledged");
    assertThat(entry.getString("actor")).isEqualTo("tbecker");
    assertThat(entry.getString("channel")).isEqualTo("api");
  }

  @Test
  void an_unknown_person_is_refused_naming_the_field_and_changes_nothing() {
    Answer answer = server.client.post("/api/v1/incidents/" + router.id() + "/ack", new JsonObject().put("person", "tbeker"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getString("field")).isEqualTo("person");
    assertThat(answer.error().getString("message")).contains("unknown person 'tbeker'").contains("did you mean tbecker?");
    assertThat(server.desk.incident(router.id()).state()).isEqualTo(IncidentState.TRIGGERED);

    Answer missing = server.client.post("/api/v1/incidents/" + router.id() + "/ack", new JsonObject());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error().getString("field")).isEqualTo("person");
  }

  @Test
  void resolving_by_hand_keeps_the_comment_and_a_note_afterwards_is_a_conflict() {
    Answer resolved = server.client.post("/api/v1/incidents/" + router.id() + "/resolve",
        new JsonObject().put("person", "kweber").put("comment", "Router neu gestartet"));

    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().getString("state")).isEqualTo("resolved");
    assertThat(resolved.json().getString("resolved_at")).isEqualTo(ApiServer.NOW.toString());
    assertThat(lastEntry(router.id()).getJsonObject("details").getString("comment")).isEqualTo("Router neu gestartet");

    Answer note = server.client.post("/api/v1/incidents/" + router.id() + "/notes",
        new JsonObject().put("person", "kweber").put("text", "noch etwas"));
    assertThat(note.status()).isEqualTo(409);
    assertThat(note.error().getString("code")).isEqualTo("conflict");
    assertThat(note.error().getString("message")).contains(router.reference());
    assertThat(server.client.post("/api/v1/incidents/" + router.id() + "/ack", new JsonObject().put("person", "kweber")).status())
        .isEqualTo(409);
  }

  @Test
  void a_note_is_created_in_the_timeline() {
    Answer answer = server.client.post("/api/v1/incidents/" + router.id() + "/notes",
        new JsonObject().put("person", "mmueller").put("text", "Techniker ist unterwegs"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.location()).hasValue("/api/v1/incidents/" + router.id() + "/timeline");
    assertThat(answer.json().getString("kind")).isEqualTo("note");
    assertThat(answer.json().getString("text")).isEqualTo("Techniker ist unterwegs");
    assertThat(server.client.get("/api/v1/incidents/" + router.id() + "/timeline").array("timeline").stream()
        .map(entry -> ((JsonObject) entry).getString("kind")).toList()).containsExactly("created", "note");

    Answer blank = server.client.post("/api/v1/incidents/" + router.id() + "/notes",
        new JsonObject().put("person", "mmueller").put("text", "   "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.error().getString("field")).isEqualTo("text");
  }

  @Test
  void reassigning_hands_the_incident_to_the_named_person() {
    Answer answer = server.client.post("/api/v1/incidents/" + router.id() + "/reassign",
        new JsonObject().put("person", "tbecker").put("to", "akoch"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("assignee")).isEqualTo("akoch");
    assertThat(lastEntry(router.id()).getJsonObject("details").getString("to")).isEqualTo("akoch");

    Answer unknown = server.client.post("/api/v1/incidents/" + router.id() + "/reassign",
        new JsonObject().put("person", "tbecker").put("to", "nobody"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error().getString("field")).isEqualTo("to");
  }

  private void acknowledge(long id, String person) {
    Answer answer = server.client.post("/api/v1/incidents/" + id + "/ack", new JsonObject().put("person", person));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private List<String> references(String path) {
    Answer answer = server.client.get(path);
    assertThat(answer.status()).as(path + " -> " + answer.body()).isEqualTo(200);
    return answer.array("incidents").stream().map(incident -> ((JsonObject) incident).getString("reference")).toList();
  }

  private JsonObject lastEntry(long id) {
    var timeline = server.client.get("/api/v1/incidents/" + id + "/timeline").array("timeline");
    return timeline.getJsonObject(timeline.size() - 1);
  }
}
