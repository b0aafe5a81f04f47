package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Incident;
import org.leitwarte.store.Dialect;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI's pages as a plain HTTP client gets them from the real server. */
class UiPagesTest {

  private static final String FORM = "application/x-www-form-urlencoded";

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
  void the_start_page_leads_to_the_board() {
    Answer answer = server.client.get("/");
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).contains("/board");
  }

  @Test
  void the_board_shows_every_municipality_with_its_state_in_words_in_german() throws Exception {
    StatusApiTest.arrange(server);
    Answer board = server.client.get("/board");
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(board.body()).contains("<html lang=\"de\">", "Statusübersicht", "Stadt Wernigerode", "Stadt Ilsenburg",
        "Kommunale Datenverarbeitung", "<caption>", "scope=\"col\"", "aria-live=\"polite\"", "Zum Inhalt springen");
    assertThat(row(board.body(), "wernigerode")).contains("state-critical", ">kritisch<");
    assertThat(row(board.body(), "ilsenburg")).contains(">in Wartung<");
    assertThat(board.body()).doesNotContain("http://", "https://");
  }

  @Test
  void english_is_chosen_by_the_address_or_the_browser() {
    assertThat(server.client.get("/board?lang=en").body()).contains("<html lang=\"en\">", "Status board", "href=\"/tenants/kdo?lang=en\"");
    assertThat(server.client.get("/incidents", "Accept-Language", "en-GB,en;q=0.8").body())
        .contains("<html lang=\"en\">", "Who is on call now?");
  }

  @Test
  void a_municipality_lists_its_sites_and_devices_with_their_state() throws Exception {
    StatusApiTest.arrange(server);
    Answer tenant = server.client.get("/tenants/wernigerode");
    assertThat(tenant.status()).isEqualTo(200);
    assertThat(tenant.body()).contains("Rathaus", "Bauhof", "href=\"/devices/wr-router\"", "href=\"/devices/wr-bauhof-switch\"")
        .doesNotContain("il-printer");
  }

  @Test
  void a_device_shows_its_facts_and_alerts_and_an_alert_text_with_markup_stays_text() throws Exception {
    StatusApiTest.arrange(server);
    var alert = StatusApiTest.alert("wr-router", "wernigerode", "wr-rathaus", "evil", Severity.CRITICAL, AlertState.FIRING);
    alert = new org.leitwarte.alerting.Alert(alert.id(), alert.rule(), alert.severity(), alert.state(), alert.labels(),
        Map.of("de", Map.of("summary", "<script>alert('x')</script> Router weg")), alert.activeSince(), alert.since(),
        Optional.empty(), Optional.empty(), false);
    ApiServer.await(server.alerts.record(List.of(StatusApiTest.change(alert))));
    Answer device = server.client.get("/devices/wr-router");
    assertThat(device.status()).isEqualTo(200);
    assertThat(device.body()).contains("wr-router", "nicht erreichbar", "Stadt Wernigerode",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Router weg", "InfluxDB")
        .doesNotContain("<script>alert(");
  }

  @Test
  void unknown_objects_answer_the_same_not_found_page() {
    for (String path : List.of("/tenants/nowhere", "/devices/nothing", "/incidents/999", "/incidents/abc")) {
      Answer answer = server.client.get(path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).contains("Nicht gefunden", "<main");
    }
  }

  @Test
  void another_municipalitys_objects_answer_as_missing_ones() throws Exception {
    Incident foreign = server.desk.open("Drucker weg", "netz", "ilsenburg", "il-printer", ApiServer.NOW);
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, new Principal("wr-it", Role.TENANT, Optional.of("wernigerode")))) {
      String missing = pages.client().get("/devices/nothing").body();
      for (String path : List.of("/tenants/ilsenburg", "/devices/il-printer", "/incidents/" + foreign.id())) {
        Answer answer = pages.client().get(path);
        assertThat(answer.status()).as(path).isEqualTo(404);
        assertThat(answer.body().replace(path + "?", "/devices/nothing?")).as(path).isEqualTo(missing);
      }
      assertThat(pages.client().get("/board").body()).contains("Stadt Wernigerode").doesNotContain("Ilsenburg");
      assertThat(pages.client().get("/incidents?state=all").body()).doesNotContain("Drucker weg");
    }
  }

  @Test
  void the_incident_list_filters_and_says_who_is_on_call() {
    server.desk.open("Router in Wernigerode antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW);
    server.desk.open("Fachverfahren langsam", "fachverfahren", "kdo", "kdo-core", ApiServer.NOW);
    String all = server.client.get("/incidents").body();
    assertThat(all).contains("Router in Wernigerode antwortet nicht", "Fachverfahren langsam", "Wer hat jetzt Bereitschaft?",
        "Thomas Becker", "<label for=\"filter-state\">");
    assertThat(server.client.get("/incidents?team=netz").body()).contains("Router in Wernigerode").doesNotContain("Fachverfahren langsam");
    assertThat(server.client.get("/incidents?tenant=kdo&state=triggered").body()).contains("Fachverfahren langsam")
        .doesNotContain("Router in Wernigerode antwortet");
  }

  @Test
  void forms_act_as_the_signed_in_person_and_redirect_with_a_message() throws Exception {
    Incident incident = server.desk.open("Router weg", "netz", "wernigerode", "wr-router", ApiServer.NOW);
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, new Principal("tbecker", Role.ONCALL, Optional.empty()))) {
      String path = "/incidents/" + incident.id();
      Answer note = pages.client().post(path + "/note", "text=" + java.net.URLEncoder.encode("<b>Leitung</b> prüfen", java.nio.charset.StandardCharsets.UTF_8), FORM);
      assertThat(note.status()).as(note.body()).isEqualTo(303);
      assertThat(note.location()).hasValue(path + "?done=note");
      String page = pages.client().get(note.location().get()).body();
      assertThat(page).contains("Ihre Notiz ist gespeichert.", "&lt;b&gt;Leitung&lt;/b&gt; prüfen", "Notiz von Thomas Becker über web")
          .doesNotContain("<b>Leitung");
      assertThat(pages.client().post(path + "/acknowledge", "", FORM).status()).isEqualTo(303);
      assertThat(pages.client().post(path + "/reassign", "to=mmueller", FORM).status()).isEqualTo(303);
      assertThat(pages.client().post(path + "/resolve", "comment=Neu+gestartet", FORM).status()).isEqualTo(303);
      String resolved = pages.client().get(path).body();
      assertThat(resolved).contains("behoben", "Übernommen von Thomas Becker über web", "an Maria Müller übergeben",
          "Behoben von Thomas Becker über web", "Neu gestartet").doesNotContain("name=\"comment\"");
      Answer late = pages.client().post(path + "/note", "text=noch+was", FORM);
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.body()).contains("bereits behoben");
    }
  }

  @Test
  void an_unknown_person_and_a_blank_note_are_refused_on_the_page() throws Exception {
    Incident incident = server.desk.open("Router weg", "netz", "wernigerode", "wr-router", ApiServer.NOW);
    String path = "/incidents/" + incident.id();
    Answer asAdmin = server.client.post(path + "/acknowledge", "", FORM);
    assertThat(asAdmin.status()).isEqualTo(400);
    assertThat(asAdmin.body()).contains("Ihr Benutzer admin ist keine Person", "role=\"alert\"");
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, new Principal("tbecker", Role.ONCALL, Optional.empty()))) {
      assertThat(pages.client().post(path + "/reassign", "to=niemand", FORM).body()).contains("Die Person „niemand“ gibt es");
      assertThat(pages.client().post(path + "/note", "text=+", FORM).status()).isEqualTo(400);
    }
    assertThat(server.desk.incident(incident.id()).state()).hasToString("TRIGGERED");
  }

  private static String row(String page, String tenant) {
    int start = page.indexOf("data-tenant=\"" + tenant + "\"");
    return page.substring(start, page.indexOf("</tr>", start));
  }
}
