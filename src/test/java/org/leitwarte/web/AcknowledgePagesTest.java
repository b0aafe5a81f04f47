package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/** The one-click acknowledge link, as served beside the API: GET only asks, POST acknowledges once. */
class AcknowledgePagesTest {

  @TempDir Path dir;
  private ApiServer server;
  private Incident incident;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
    incident = server.desk.open("wr-router antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW.minus(Duration.ofMinutes(3)));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void opening_the_link_asks_for_confirmation_and_acknowledges_nothing() {
    String path = "/ack/" + server.links.token(incident.id(), "tbecker");

    Answer page = server.client.get(path);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("Vorfall " + incident.reference() + " übernehmen").contains("Thomas Becker").contains("<form method=\"post\">");
    assertThat(server.client.get(path).status()).isEqualTo(200);
    assertThat(server.desk.incident(incident.id()).state()).isEqualTo(IncidentState.TRIGGERED);
  }

  @Test
  void confirming_acknowledges_through_the_link_channel_and_the_link_works_once() {
    String path = "/ack/" + server.links.token(incident.id(), "tbecker");

    Answer done = server.client.post(path, "", "application/x-www-form-urlencoded");

    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains(incident.reference() + " übernommen");
    assertThat(server.desk.incident(incident.id()).acknowledgedBy()).hasValue("tbecker");
    assertThat(server.client.post(path, "", "application/x-www-form-urlencoded").status()).isEqualTo(409);
  }

  @Test
  void a_forged_link_is_refused_with_a_page_and_the_api_still_answers_json_for_unknown_routes() {
    Answer forged = server.client.get("/ack/bm90LW91cnM.c2lnbmF0dXJl?lang=en");

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("Invalid link");
    assertThat(server.desk.incident(incident.id()).state()).isEqualTo(IncidentState.TRIGGERED);

    Answer unknown = server.client.get("/api/v1/nothing");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().getString("code")).isEqualTo("not_found");
    Answer wrongMethod = server.client.send("DELETE", "/api/v1/incidents", null);
    assertThat(wrongMethod.status()).isEqualTo(405);
  }
}
