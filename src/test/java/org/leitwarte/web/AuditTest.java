package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.store.AuditLog;
import org.leitwarte.store.Dialect;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;
import org.junit.jupiter.api.io.TempDir;

/** The audit log as an administrator reads it through the API and the page {@code /audit}, and as others may not. */
class AuditTest {

  @TempDir Path dir;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir, Dialect.H2);
    server.user("tbecker", Role.ONCALL, Optional.empty());
    // A failed sign-in as a person makes it: through the form, from the loopback address.
    assertThat(new Browser(server.port).signIn("tbecker", "falsches Passwort!").status()).isEqualTo(401);
    ApiServer.await(server.pool.withTransaction(connection -> AuditLog.append(connection, "skrause", "ticket.comment",
        "ticket:T-2026-0001", new JsonObject().put("text", "<script>alert('x')</script>"), Optional.of("192.0.2.7"))));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void an_administrator_lists_the_entries_newest_first_in_snake_case() {
    Answer answer = server.client.get("/api/v1/audit");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonArray entries = answer.array("entries");
    // The third, oldest, is making tbecker.
    assertThat(entries).hasSize(3);
    assertThat(entries.getJsonObject(2).getString("action")).isEqualTo("user.add");
    JsonObject newest = entries.getJsonObject(0);
    assertThat(newest.getString("action")).isEqualTo("ticket.comment");
    assertThat(newest.getJsonObject("detail").getString("text")).isEqualTo("<script>alert('x')</script>");
    JsonObject failed = entries.getJsonObject(1);
    assertThat(failed.getString("action")).isEqualTo("user.sign_in_failed");
    assertThat(failed.getString("actor")).isEqualTo("tbecker");
    assertThat(failed.getString("subject")).isEqualTo("user:tbecker");
    assertThat(failed.getString("address")).isEqualTo("127.0.0.1");
    assertThat(failed.getString("at")).endsWith("Z");
    assertThat(failed.getJsonObject("detail").getString("reason")).isNotBlank();
  }

  @Test
  void an_administrator_narrows_the_list_by_action_actor_subject_time_and_limit() {
    assertThat(server.client.get("/api/v1/audit?action=user.").array("entries")).hasSize(2);
    assertThat(server.client.get("/api/v1/audit?action=user.sign_in").array("entries")).hasSize(1);
    assertThat(server.client.get("/api/v1/audit?actor=skrause").array("entries").getJsonObject(0).getString("subject"))
        .isEqualTo("ticket:T-2026-0001");
    assertThat(server.client.get("/api/v1/audit?subject=user:tbecker").array("entries")).hasSize(2);
    assertThat(server.client.get("/api/v1/audit?limit=1").array("entries")).hasSize(1);
    assertThat(server.client.get("/api/v1/audit?since=2000-01-01T00:00:00Z&until=2001-01-01T00:00:00Z").array("entries")).isEmpty();
    assertThat(server.client.get("/api/v1/audit?since=2000-01-01T00:00:00Z").array("entries")).hasSize(3);
  }

  @Test
  void a_limit_out_of_range_or_a_time_that_is_none_is_refused() {
    assertThat(server.client.get("/api/v1/audit?limit=1001").status()).isEqualTo(400);
    Answer badTime = server.client.get("/api/v1/audit?since=gestern");
    assertThat(badTime.status()).as(badTime.body()).isEqualTo(400);
  }

  @Test
  void staff_may_not_read_the_audit_log_and_without_sign_in_nobody_may() throws Exception {
    Answer staff = server.client.as(server.token("skrause", Role.STAFF, Optional.empty())).get("/api/v1/audit");
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.error().getString("code")).isEqualTo("forbidden");
    assertThat(server.client.anonymous().get("/api/v1/audit").status()).isEqualTo(401);
  }

  @Test
  void the_page_shows_an_administrator_the_failed_sign_in_with_its_address_and_the_detail_as_text() {
    Answer page = server.client.get("/audit");

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("<caption>", "<th scope=\"col\">Adresse</th>", "user.sign_in_failed", "tbecker", "127.0.0.1",
        "href=\"/audit\" aria-current=\"page\"", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(server.client.get("/audit?action=user.&lang=en").body()).contains("Audit log", "user.sign_in_failed")
        .doesNotContain("ticket.comment");
  }

  @Test
  void the_page_answers_staff_with_403_and_offers_them_no_link() throws Exception {
    ApiClient staff = server.client.as(server.token("skrause", Role.STAFF, Optional.empty()));

    Answer page = staff.get("/audit");

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("Das Protokoll sehen nur Administratoren.").doesNotContain("user.sign_in_failed");
    assertThat(staff.get("/board").body()).doesNotContain("href=\"/audit");
    assertThat(server.client.get("/board").body()).contains("href=\"/audit\"");
  }
}
