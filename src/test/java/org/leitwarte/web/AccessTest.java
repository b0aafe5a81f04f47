package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.store.Dialect;
import org.leitwarte.user.ApiToken;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;

/** Who may call what: tokens, roles per operation as the OpenAPI document declares them. */
class AccessTest {

  @TempDir Path dir;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir, Dialect.H2);
    server.desk.open("wr-router antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW.minus(Duration.ofHours(1)));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void without_a_token_every_operation_but_the_document_health_and_metrics_answers_401() throws Exception {
    ApiClient anonymous = server.client.anonymous();
    List<String> open = new ArrayList<>();
    for (TenantIsolationTest.Operation operation : TenantIsolationTest.operations()) {
      String path = operation.path().replaceAll("\\{[^}]+}", "1");
      Answer answer = anonymous.send(operation.method(), path, operation.method().equals("GET") ? null : "{}");
      if (operation.open()) {
        open.add(operation.method() + " " + operation.path());
        assertThat(answer.status()).as(path).isIn(200, 503);
      } else {
        assertThat(answer.status()).as(operation.id() + " " + path + " -> " + answer).isEqualTo(401);
        assertThat(answer.error().getString("code")).isEqualTo("unauthenticated");
      }
    }
    assertThat(open).containsExactlyInAnyOrder("GET /api/v1/openapi.yaml", "GET /health", "GET /metrics");
  }

  @Test
  void a_token_works_until_it_is_revoked_and_its_use_is_noted() throws Exception {
    ApiToken.Created created = ApiServer.await(server.tokens.create(ApiServer.ADMIN, "backup", "test", Optional.empty()));
    assertThat(created.secret()).matches("lw_[A-Za-z0-9_-]{43}");
    ApiClient client = server.client.as(created.secret());
    assertThat(client.get("/api/v1/incidents").status()).isEqualTo(200);
    assertThat(server.count("SELECT COUNT(*) FROM api_token WHERE id = " + created.token().id() + " AND last_used_at IS NOT NULL")).isEqualTo(1);
    assertThat(server.count("SELECT COUNT(*) FROM api_token WHERE token_hash LIKE 'lw_%'")).isZero();

    ApiServer.await(server.tokens.revoke(created.token().id(), "test", Optional.empty()));

    Answer revoked = client.get("/api/v1/incidents");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'token.revoke'")).isEqualTo(1);
    assertThat(server.client.as("lw_erfunden").get("/api/v1/incidents").status()).isEqualTo(401);
    assertThat(server.client.anonymous().get("/api/v1/incidents", "Authorization", "Basic YWRtaW46YWRtaW4=").status()).isEqualTo(401);
  }

  @Test
  void a_tenant_user_reads_incidents_but_never_acknowledges_them_nor_sees_or_touches_on_call() throws Exception {
    ApiClient tenant = server.client.as(server.token("wr-it", Role.TENANT, Optional.of("wernigerode")));

    assertThat(tenant.get("/api/v1/incidents").array("incidents")).hasSize(1);
    Answer ack = tenant.post("/api/v1/incidents/1/ack", new JsonObject());
    assertThat(ack.status()).isEqualTo(403);
    assertThat(ack.error().getString("code")).isEqualTo("forbidden");
    assertThat(ack.error().getString("message")).contains("role tenant may not acknowledgeIncident", "admin, staff, oncall");
    assertThat(tenant.get("/api/v1/oncall").status()).isEqualTo(403);
    assertThat(tenant.get("/api/v1/people").status()).isEqualTo(403);
    assertThat(tenant.send("DELETE", "/api/v1/oncall/overrides/1", null).status()).isEqualTo(403);
    assertThat(server.desk.incident(1).acknowledgedBy()).isEmpty();
  }

  @Test
  void a_tenant_users_silence_is_limited_to_their_tenant_and_made_in_their_name() throws Exception {
    ApiClient tenant = server.client.as(server.token("wr-it", Role.TENANT, Optional.of("wernigerode")));

    Answer created = tenant.post("/api/v1/silences", new JsonObject()
        .put("matchers", new JsonArray().add(new JsonObject().put("name", "device").put("op", "=").put("value", "wr-router")))
        .put("duration", "1h").put("comment", "Router-Tausch"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonArray("matchers").encode()).contains("\"name\":\"tenant\"", "\"value\":\"wernigerode\"");
    assertThat(created.json().getString("author")).isEqualTo("wr-it");
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'silence.create' AND actor = 'wr-it' AND address = '127.0.0.1'"))
        .isEqualTo(1);
  }

  @Test
  void only_an_administrator_acts_in_someone_elses_name() throws Exception {
    ApiClient staff = server.client.as(server.token("tbecker", Role.STAFF, Optional.empty()));
    JsonObject silence = new JsonObject()
        .put("matchers", new JsonArray().add(new JsonObject().put("name", "device").put("op", "=").put("value", "wr-router")))
        .put("duration", "1h").put("comment", "c");

    Answer asOther = staff.post("/api/v1/silences", silence.copy().put("author", "akoch"));
    assertThat(asOther.status()).isEqualTo(403);
    assertThat(asOther.error().getString("message")).contains("author: you act as yourself ('tbecker')");
    assertThat(staff.post("/api/v1/silences", silence.copy().put("author", "tbecker")).status()).isEqualTo(201);
    assertThat(server.client.post("/api/v1/silences", silence.copy().put("author", "akoch")).json().getString("author")).isEqualTo("akoch");
  }
}
