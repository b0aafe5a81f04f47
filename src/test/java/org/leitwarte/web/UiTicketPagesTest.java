package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Incident;
import org.leitwarte.store.Dialect;
import org.leitwarte.ticket.NewTicket;
import org.leitwarte.ticket.Ticket;
import org.leitwarte.ticket.TicketStatus;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;

/** The ticket pages and forms as a plain HTTP client gets them from the real server. */
class UiTicketPagesTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Principal WERNIGERODE = new Principal("wr-it", Role.TENANT, Optional.of("wernigerode"));
  private static final Principal STAFF = new Principal("skrause", Role.STAFF, Optional.empty());

  @TempDir Path dir;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
    ApiServer.await(server.alerts.record(List.of(
        StatusApiTest.change(StatusApiTest.alert("wr-app1", "wernigerode", "wr-rathaus", "disk_full", Severity.WARNING, AlertState.FIRING)),
        StatusApiTest.change(StatusApiTest.alert("il-printer", "ilsenburg", "il-rathaus", "printer_offline", Severity.CRITICAL,
            AlertState.FIRING)))));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void a_municipality_opens_a_ticket_from_a_firing_alert_with_one_click_and_staff_see_it_in_the_queue() throws Exception {
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, WERNIGERODE)) {
      String device = pages.client().get("/devices/wr-app1").body();
      assertThat(device).contains("Ticket eröffnen", "name=\"alert_id\" value=\"disk_full-wr-app1\"", "href=\"/tickets\"");

      Answer opened = pages.client().post("/tickets", "alert_id=disk_full-wr-app1", FORM);

      assertThat(opened.status()).as(opened.body()).isEqualTo(303);
      assertThat(opened.location()).hasValueSatisfying(location -> assertThat(location).matches("/tickets/\\d+\\?done=open"));
      String page = pages.client().get(opened.location().get()).body();
      assertThat(page).contains("Das Ticket ist eröffnet.", "wr-app1 meldet disk_full", "Anlass", "disk_full-wr-app1",
          "href=\"/devices/wr-app1\"", "Stadt Wernigerode", ">neu<", "wr-it");
      String reference = page.substring(page.indexOf("<h1>") + 4, page.indexOf(":", page.indexOf("<h1>")));
      assertThat(server.client.get("/tickets").body()).contains(reference, "Stadt Wernigerode", "<caption>", "filter-tenant");
      assertThat(pages.client().get("/tickets").body()).contains(reference).doesNotContain("filter-tenant");
    }
  }

  @Test
  void a_ticket_opened_from_an_incident_links_back_to_it() throws Exception {
    Incident incident = server.desk.open("Router in Wernigerode antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW);
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, WERNIGERODE)) {
      assertThat(pages.client().get("/incidents/" + incident.id()).body()).contains("name=\"incident_id\"", "Ticket eröffnen");
      Answer opened = pages.client().post("/tickets", "incident_id=" + incident.id(), FORM);
      assertThat(opened.status()).as(opened.body()).isEqualTo(303);
      assertThat(pages.client().get(opened.location().get()).body())
          .contains("Router in Wernigerode antwortet nicht", "href=\"/incidents/" + incident.id() + "\"", incident.reference());
    }
  }

  @Test
  void a_comment_with_markup_is_shown_as_text_with_its_author_and_side() throws Exception {
    Ticket ticket = ApiServer.await(server.tickets.open(WERNIGERODE, NewTicket.fromAlert("disk_full-wr-app1"), Optional.empty()));
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, WERNIGERODE)) {
      String path = "/tickets/" + ticket.id();
      Answer comment = pages.client().post(path + "/comment",
          "text=" + URLEncoder.encode("<script>alert('x')</script> Bitte prüfen", StandardCharsets.UTF_8), FORM);
      assertThat(comment.status()).as(comment.body()).isEqualTo(303);
      assertThat(comment.location()).hasValue(path + "?done=comment");
      String page = pages.client().get(comment.location().get()).body();
      assertThat(page).contains("Ihr Kommentar ist gespeichert.", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Bitte prüfen",
          "wr-it (Kommune)").doesNotContain("<script>alert(");
      Answer blank = pages.client().post(path + "/comment", "text=+", FORM);
      assertThat(blank.status()).isEqualTo(400);
      assertThat(blank.body()).contains("Bitte geben Sie einen Text für den Kommentar ein", "role=\"alert\"");
    }
  }

  @Test
  void a_municipality_cannot_see_another_municipalitys_ticket_nor_open_one_from_its_alert() throws Exception {
    Ticket foreign = ApiServer.await(server.tickets.open(STAFF, NewTicket.fromAlert("printer_offline-il-printer"), Optional.empty()));
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, WERNIGERODE)) {
      String missing = pages.client().get("/tickets/99999").body();
      Answer page = pages.client().get("/tickets/" + foreign.id());
      assertThat(page.status()).isEqualTo(404);
      assertThat(page.body().replace("/tickets/" + foreign.id() + "?", "/tickets/99999?")).isEqualTo(missing);
      assertThat(pages.client().post("/tickets/" + foreign.id() + "/comment", "text=hallo", FORM).status()).isEqualTo(404);
      Answer fromForeignAlert = pages.client().post("/tickets", "alert_id=printer_offline-il-printer", FORM);
      assertThat(fromForeignAlert.status()).isEqualTo(404);
      assertThat(fromForeignAlert.body()).contains("Nicht gefunden");
      assertThat(pages.client().get("/tickets?status=all").body()).doesNotContain(foreign.reference() + "<");
    }
    assertThat(ApiServer.await(server.tickets.details(STAFF.scope(), foreign.id())).comments()).isEmpty();
  }

  @Test
  void the_status_form_offers_only_allowed_moves_and_refusals_are_explained_on_the_page() throws Exception {
    Ticket ticket = ApiServer.await(server.tickets.open(WERNIGERODE, NewTicket.fromAlert("disk_full-wr-app1"), Optional.empty()));
    String path = "/tickets/" + ticket.id();
    try (PagesAsSignedIn municipality = new PagesAsSignedIn(server, WERNIGERODE);
        PagesAsSignedIn staff = new PagesAsSignedIn(server, STAFF)) {
      assertThat(municipality.client().get(path).body()).doesNotContain("name=\"to\"", "name=\"assignee\"");
      Answer forbidden = municipality.client().post(path + "/status", "to=resolved", FORM);
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.body()).contains("Diese Änderung dürfen Sie nicht vornehmen.", ">neu<");
      assertThat(municipality.client().post(path + "/assign", "assignee=wr-it", FORM).status()).isEqualTo(403);

      assertThat(staff.client().post(path + "/assign", "assignee=skrause", FORM).status()).isEqualTo(303);
      Answer resolved = staff.client().post(path + "/status", "to=resolved&comment=Platte+getauscht", FORM);
      assertThat(resolved.status()).isEqualTo(303);
      String staffPage = staff.client().get(resolved.location().get()).body();
      assertThat(staffPage).contains("Der Status ist geändert.", ">gelöst<", "Platte getauscht", "skrause (Genossenschaft)",
          "value=\"closed\"", "value=\"in_progress\"");
      String municipalityPage = municipality.client().get(path).body();
      assertThat(municipalityPage).contains("value=\"in_progress\"").doesNotContain("value=\"closed\"", "name=\"assignee\"");

      assertThat(staff.client().post(path + "/status", "to=bogus", FORM).status()).isEqualTo(400);
      assertThat(staff.client().post(path + "/status", "to=closed", FORM).status()).isEqualTo(303);
      Answer reopen = staff.client().post(path + "/status", "to=in_progress", FORM);
      assertThat(reopen.status()).isEqualTo(409);
      assertThat(reopen.body()).contains("erlaubt diese Änderung nicht", ">geschlossen<");
      assertThat(staff.client().get(path).body()).doesNotContain("name=\"text\"", "name=\"to\"");
    }
    assertThat(ApiServer.await(server.tickets.get(STAFF.scope(), ticket.id())).status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void a_municipality_announces_maintenance_of_its_own_device_and_only_of_its_own() throws Exception {
    java.time.LocalDateTime start = java.time.LocalDateTime.now().plusDays(1).withSecond(0).withNano(0);
    String form = "start=" + start + "&end=" + start.plusHours(2) + "&device=wr-app1&comment=Update";
    try (PagesAsSignedIn pages = new PagesAsSignedIn(server, WERNIGERODE)) {
      assertThat(pages.client().get("/tenants/wernigerode").body()).contains("Wartung ankündigen", "<label for=\"maintenance-start\">",
          "<option value=\"wr-app1\">");

      Answer announced = pages.client().post("/tenants/wernigerode/maintenance", form.replace(":", "%3A"), FORM);

      assertThat(announced.status()).as(announced.body()).isEqualTo(303);
      assertThat(pages.client().get(announced.location().get()).body()).contains("Die Wartung ist angekündigt.");
      assertThat(pages.client().get("/api/v1/maintenance-windows").body()).contains("wr-app1", "wernigerode", "Update");
      Answer foreignDevice = pages.client().post("/tenants/wernigerode/maintenance",
          form.replace("wr-app1", "il-printer").replace(":", "%3A"), FORM);
      assertThat(foreignDevice.status()).isEqualTo(400);
      assertThat(foreignDevice.body()).contains("gehört nicht zu Ihrer Kommune");
      assertThat(pages.client().post("/tenants/wernigerode/maintenance", "start=morgen&end=", FORM).status()).isEqualTo(400);
      assertThat(pages.client().post("/tenants/ilsenburg/maintenance", form.replace(":", "%3A"), FORM).status()).isEqualTo(404);
    }
    assertThat(server.client.get("/tenants/wernigerode").body()).doesNotContain("maintenance-start");
    assertThat(server.client.get("/api/v1/maintenance-windows").body()).doesNotContain("il-printer");
  }
}
