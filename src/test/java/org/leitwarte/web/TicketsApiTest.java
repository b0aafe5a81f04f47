package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.Incident;
import org.leitwarte.store.Dialect;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;

/**
 * Tickets through the real HTTP server, with the municipality's contact's mailbox on a real SMTP server
 * (GreenMail): opening from an alert or incident, comments, the workflow, bad input, audit rows. Until
 * sign-in exists every HTTP request is an administrator's; a municipality's user acts on the service.
 */
class TicketsApiTest {

  static final String CONTACT = "it@wernigerode.example";
  static final Principal WERNIGERODE = new Principal("it-wernigerode", Role.TENANT, Optional.of("wernigerode"));

  @TempDir Path dir;
  private ApiServer server;
  private GreenMail mail;
  private Alert routerDown;

  private void start(Dialect dialect) throws Exception {
    int port = FreePorts.tcp();
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    server = new ApiServer(dir.resolve("store"), dialect, Optional.of(new LeitwarteConfig.Notify.Email("127.0.0.1", port, false,
        LeitwarteConfig.Notify.StartTls.DISABLED, Optional.empty(), Optional.empty(), "leitwarte@kdo.example")));
    routerDown = new Alert("00000000000000a1", "device_down", Severity.CRITICAL, AlertState.FIRING,
        Map.of("tenant", "wernigerode", "device", "wr-router", "alertname", "device_down", "severity", "critical"),
        Map.of("de", Map.of("summary", "wr-router antwortet nicht"), "en", Map.of("summary", "wr-router does not answer")),
        ApiServer.NOW.minusSeconds(600), ApiServer.NOW.minusSeconds(540), Optional.of(100.0), Optional.empty(), false);
    ApiServer.await(server.alerts.record(List.of(new AlertChange(routerDown, Optional.empty(), Optional.empty(), ApiServer.NOW))));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (mail != null) {
        mail.stop();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_ticket_from_a_firing_alert_is_worked_on_and_the_contact_hears_of_each_step(Dialect dialect) throws Exception {
    start(dialect);

    Answer opened = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id()).put("contact_email", CONTACT));

    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    JsonObject ticket = opened.json();
    String reference = ticket.getString("reference");
    assertThat(opened.location()).contains("/api/v1/tickets/" + ticket.getLong("id"));
    assertThat(ticket.getString("title")).isEqualTo("wr-router antwortet nicht");
    assertThat(ticket.getString("tenant")).isEqualTo("wernigerode");
    assertThat(ticket.getString("status")).isEqualTo("new");
    assertThat(ticket.getString("alert_id")).isEqualTo(routerDown.id());
    assertThat(ticket.getString("device")).isEqualTo("wr-router");
    assertThat(ticket.getJsonObject("alert").getString("summary")).isEqualTo("wr-router antwortet nicht");
    assertThat(ticket.getJsonObject("alert").getString("since")).isEqualTo(routerDown.activeSince().toString());
    assertThat(ticket.getString("description")).contains("Gerät:  wr-router").contains("Seit:   25.03.2026, 09:50 Uhr");
    assertThat(ticket.getString("opened_by")).isEqualTo("admin");

    assertThat(server.client.get("/api/v1/tickets").array("tickets")).extracting(json -> ((JsonObject) json).getString("reference"))
        .containsExactly(reference);
    Answer moved = server.client.post("/api/v1/tickets/" + reference + "/status", new JsonObject().put("status", "in_progress"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("status")).isEqualTo("in_progress");
    MimeMessage statusMail = next(1);
    assertThat(statusMail.getAllRecipients()[0].toString()).isEqualTo(CONTACT);
    assertThat(statusMail.getSubject()).isEqualTo("[" + reference + "] Status: in Bearbeitung – wr-router antwortet nicht");
    assertThat(text(statusMail)).contains("neu → in Bearbeitung (durch admin)");

    Answer commented = server.client.post("/api/v1/tickets/" + reference + "/comments",
        new JsonObject().put("text", "Der Provider ist informiert, Techniker kommt um 14 Uhr."));
    assertThat(commented.status()).as(commented.body()).isEqualTo(201);
    assertThat(commented.json().getString("author_role")).isEqualTo("staff");
    MimeMessage commentMail = next(2);
    assertThat(commentMail.getSubject()).isEqualTo("[" + reference + "] Neuer Kommentar – wr-router antwortet nicht");
    assertThat(text(commentMail)).contains("Der Provider ist informiert, Techniker kommt um 14 Uhr.");

    Answer resolved = server.client.post("/api/v1/tickets/" + reference + "/status",
        new JsonObject().put("status", "resolved").put("comment", "Leitung ist wieder da."));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    MimeMessage resolvedMail = next(3);
    assertThat(resolvedMail.getSubject()).startsWith("[" + reference + "] Status: gelöst");
    assertThat(text(resolvedMail)).contains("Leitung ist wieder da.").contains("wieder öffnen");

    Answer details = server.client.get("/api/v1/tickets/" + ticket.getLong("id"));
    assertThat(details.status()).isEqualTo(200);
    assertThat(details.json().getJsonObject("ticket").getString("status")).isEqualTo("resolved");
    assertThat(details.array("comments")).extracting(json -> ((JsonObject) json).getString("text"))
        .containsExactly("Der Provider ist informiert, Techniker kommt um 14 Uhr.", "Leitung ist wieder da.");
    assertThat(server.count("SELECT count(*) FROM audit_log WHERE subject = 'ticket:" + reference + "' AND address = '127.0.0.1'"))
        .isEqualTo(4);
  }

  @Test
  void a_municipalitys_own_comment_is_not_mailed_to_itself_but_english_tickets_are_mailed_in_english() throws Exception {
    start(Dialect.H2);
    JsonObject ticket = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id())
        .put("contact_email", CONTACT).put("language", "en")).json();
    long id = ticket.getLong("id");

    ApiServer.await(server.tickets.comment(WERNIGERODE, id, "Bei uns ist alles dunkel.", Optional.of("192.0.2.7")));
    server.client.post("/api/v1/tickets/" + id + "/comments", new JsonObject().put("text", "We are on it."));

    MimeMessage only = next(1);
    assertThat(only.getSubject()).isEqualTo("[T-" + id + "] New comment – wr-router antwortet nicht");
    assertThat(text(only)).contains("there is a new comment by admin").contains("We are on it.");
    assertThat(mail.waitForIncomingEmail(500, 2)).isFalse();
  }

  @Test
  void a_mail_server_that_is_down_does_not_fail_the_change() throws Exception {
    start(Dialect.H2);
    long id = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id()).put("contact_email", CONTACT))
        .json().getLong("id");
    mail.stop();

    Answer moved = server.client.post("/api/v1/tickets/" + id + "/status", new JsonObject().put("status", "in_progress"));
    Answer commented = server.client.post("/api/v1/tickets/" + id + "/comments", new JsonObject().put("text", "Wir sind dran."));

    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(commented.status()).as(commented.body()).isEqualTo(201);
    assertThat(server.client.get("/api/v1/tickets/" + id).json().getJsonObject("ticket").getString("status")).isEqualTo("in_progress");
  }

  @Test
  void a_ticket_from_an_incident_is_linked_to_it_and_named_after_it() throws Exception {
    start(Dialect.H2);
    Incident incident = server.desk.open("Halberstadt: Meldewesen langsam", "fachverfahren", "halberstadt", "hbs-app1",
        ApiServer.NOW.minus(Duration.ofMinutes(5)));

    Answer opened = server.client.post("/api/v1/tickets", new JsonObject().put("incident_id", incident.id()));

    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    assertThat(opened.json().getLong("incident_id")).isEqualTo(incident.id());
    assertThat(opened.json().getString("tenant")).isEqualTo("halberstadt");
    assertThat(opened.json().getString("title")).isEqualTo("Halberstadt: Meldewesen langsam");
    assertThat(opened.json().getString("description")).contains("Übernommen aus der Störung " + incident.reference());
    assertThat(opened.json().getString("device")).isEqualTo("hbs-app1");
  }

  @Test
  void html_in_a_comment_comes_back_as_the_same_plain_string() throws Exception {
    start(Dialect.H2);
    long id = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id())).json().getLong("id");
    String html = "<img src=x onerror=alert(1)> &amp; <b>fett</b>";

    Answer added = server.client.post("/api/v1/tickets/" + id + "/comments", new JsonObject().put("text", html));
    Answer details = server.client.get("/api/v1/tickets/T-" + id);

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(details.array("comments").getJsonObject(0).getString("text")).isEqualTo(html);
  }

  @Test
  void refused_transitions_answer_409_naming_both_statuses() throws Exception {
    start(Dialect.H2);
    long id = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id())).json().getLong("id");

    Answer closed = server.client.post("/api/v1/tickets/" + id + "/status", new JsonObject().put("status", "closed"));

    assertThat(closed.status()).as(closed.body()).isEqualTo(409);
    assertThat(closed.error().getString("code")).isEqualTo("conflict");
    assertThat(closed.error().getString("message")).contains("new").contains("closed");
  }

  @Test
  void bad_input_is_refused_naming_the_field_and_nothing_is_saved() throws Exception {
    start(Dialect.H2);
    long id = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id())).json().getLong("id");
    String path = "/api/v1/tickets/" + id;

    assertRefused(server.client.post(path + "/comments", new JsonObject().put("text", "   ")), "text");
    assertRefused(server.client.post(path + "/comments", new JsonObject().put("text", "")), "text");
    assertRefused(server.client.post(path + "/comments", new JsonObject().put("text", "x".repeat(10_001))), "text");
    assertRefused(server.client.post(path + "/comments", new JsonObject()), "text");
    assertRefused(server.client.post(path + "/status", new JsonObject().put("status", "erledigt")), "status");
    assertRefused(server.client.post("/api/v1/tickets", new JsonObject().put("description", "ohne Titel").put("tenant", "halberstadt")), "title");
    assertRefused(server.client.post("/api/v1/tickets", new JsonObject().put("title", "ohne Mandant").put("description", "…")), "tenant");
    assertRefused(server.client.post("/api/v1/tickets", new JsonObject().put("title", "x").put("description", "y")
        .put("tenant", "halberstadt").put("contact_email", "kein-mail")), "contact_email");
    assertRefused(server.client.post("/api/v1/tickets", new JsonObject().put("title", "x").put("description", "y")
        .put("tenant", "halberstadt").put("html", "<b>")), "html");
    assertThat(server.client.get("/api/v1/tickets/abc").status()).isEqualTo(400);

    assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM ticket_comment")).isZero();
    assertThat(server.count("SELECT count(*) FROM audit_log")).isEqualTo(1);
  }

  @Test
  void a_missing_ticket_or_alert_is_a_404_naming_it() throws Exception {
    start(Dialect.H2);

    Answer ticket = server.client.get("/api/v1/tickets/T-999");
    Answer alert = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", "ffffffffffffffff"));

    assertThat(ticket.status()).isEqualTo(404);
    assertThat(ticket.error().getString("message")).isEqualTo("ticket T-999 not found");
    assertThat(server.client.post("/api/v1/tickets/999/comments", new JsonObject().put("text", "hallo")).status()).isEqualTo(404);
    assertThat(alert.status()).isEqualTo(404);
    assertThat(alert.error().getString("message")).isEqualTo("alert ffffffffffffffff not found");
  }

  @Test
  void staff_assign_tickets_and_filter_the_queue_by_assignee_and_status() throws Exception {
    start(Dialect.H2);
    long id = server.client.post("/api/v1/tickets", new JsonObject().put("alert_id", routerDown.id())).json().getLong("id");
    server.client.post("/api/v1/tickets", new JsonObject().put("title", "Drucker").put("description", "…").put("tenant", "halberstadt"));

    Answer assigned = server.client.post("/api/v1/tickets/" + id + "/assign", new JsonObject().put("assignee", "mmueller"));

    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(assigned.json().getString("assignee")).isEqualTo("mmueller");
    assertThat(server.client.get("/api/v1/tickets?assignee=mmueller").array("tickets")).hasSize(1);
    assertThat(server.client.get("/api/v1/tickets?tenant=halberstadt").array("tickets")).hasSize(1);
    assertThat(server.client.get("/api/v1/tickets?status=new,in_progress").array("tickets")).hasSize(2);
    assertThat(server.client.get("/api/v1/tickets?status=closed").array("tickets")).isEmpty();
    assertRefused(server.client.get("/api/v1/tickets?status=offen"), "status");
    assertThat(server.client.post("/api/v1/tickets/" + id + "/assign", new JsonObject().putNull("assignee")).json().getString("assignee"))
        .isNull();
  }

  private static void assertRefused(Answer answer, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().getString("field")).as(answer.body()).startsWith(field);
  }

  /** The {@code count}-th mail received (waits for it). */
  private MimeMessage next(int count) {
    assertThat(mail.waitForIncomingEmail(10_000, count)).as("mail " + count + " arrived").isTrue();
    return mail.getReceivedMessages()[count - 1];
  }

  private static String text(MimeMessage message) throws Exception {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }
}
