package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.Secret;
import org.leitwarte.discovery.DiscoverySettings;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;
import org.leitwarte.store.Dialect;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.SnmpdServer;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;

/**
 * {@code POST /api/v1/discovery} on the example inventory (devices at 127.0.0.1–5), with a real snmpd on
 * 127.0.0.7: an administrator gets the proposal, a tenant user or staff may not run it, bad ranges are 400.
 */
class DiscoveryApiTest {

  private static final String AGENT_HOST = "127.0.0.7";
  private static int port;
  private static SnmpdServer snmpd;

  @TempDir Path dir;
  private ApiServer server;

  @BeforeAll
  static void startAgent() {
    port = FreePorts.udpOnAll(AGENT_HOST, "127.0.0.1", "127.0.0.2", "127.0.0.6");
    snmpd = SnmpdServer.start(AGENT_HOST, port, List.of(SnmpdServer.MONUSER));
  }

  @AfterAll
  static void stopAgent() {
    if (snmpd != null) {
      snmpd.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    SnmpSettings community = new SnmpSettings(SnmpVersion.V2C, port, Optional.of(Secret.of(SnmpdServer.COMMUNITY)),
        Optional.empty(), AuthProtocol.NONE, Optional.empty(), PrivProtocol.NONE, Optional.empty(), Optional.empty(),
        Duration.ofSeconds(1), 0, 25);
    server = new ApiServer(dir, Dialect.H2, Optional.empty(), Optional.empty(), new DiscoverySettings(List.of(community), 1024, 16));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static JsonObject request(String tenant, String... ranges) {
    return new JsonObject().put("tenant", tenant).put("ranges", new JsonArray(List.of(ranges)));
  }

  @Test
  void an_administrator_gets_the_proposal_with_known_addresses_marked_and_the_run_is_audited() throws Exception {
    Answer answer = server.client.post("/api/v1/discovery", request("wernigerode", "127.0.0.0/29", "127.0.0.7/32"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonObject json = answer.json();
    assertThat(json.getInteger("swept")).isEqualTo(7);
    assertThat(json.getInteger("pinged")).isEqualTo(7);
    assertThat(json.getInteger("snmp")).isEqualTo(1);
    JsonArray addresses = json.getJsonArray("addresses");
    JsonObject found = addresses.getJsonObject(0);
    assertThat(found.getString("kind")).isEqualTo("new");
    assertThat(found.getString("address")).isEqualTo(AGENT_HOST);
    assertThat(found.getString("id")).isEqualTo(SnmpdServer.SYS_NAME);
    assertThat(found.getString("sys_name")).isEqualTo(SnmpdServer.SYS_NAME);
    assertThat(found.getString("sys_object_id")).startsWith("1.3.6.1.4.1.8072");
    assertThat(addresses.stream().map(JsonObject.class::cast).filter(a -> a.getString("kind").equals("existing"))
        .map(a -> a.getString("id"))).containsExactly("wr-app1", "wr-router", "il-printer", "kdo-core", "kdo-rz1-fw");
    assertThat(addresses.getJsonObject(addresses.size() - 1).getString("kind")).isEqualTo("ping_only");

    String snippet = json.getString("snippet");
    assertThat(snippet)
        .contains("  - id: snmpd-test\n    tenant: wernigerode\n    address: 127.0.0.7\n")
        .contains("# 127.0.0.2 schon im Inventar als wr-router (Mandant wernigerode)")
        .contains("# 127.0.0.3 schon im Inventar als il-printer (Mandant ilsenburg)")
        .contains("  # - {id: host-127-0-0-6, tenant: wernigerode, address: 127.0.0.6, icmp: true}")
        .contains("community: \"${env:LEITWARTE_DISCOVERY_SNMP1_COMMUNITY}\"");
    assertThat(answer.body()).doesNotContain(SnmpdServer.COMMUNITY);

    JsonArray audit = server.client.get("/api/v1/audit?action=discovery.").array("entries");
    assertThat(audit).hasSize(1);
    JsonObject entry = audit.getJsonObject(0);
    assertThat(entry.getString("action")).isEqualTo("discovery.run");
    assertThat(entry.getString("actor")).isEqualTo(ApiServer.ADMIN);
    assertThat(entry.getString("subject")).isEqualTo("tenant:wernigerode");
    assertThat(entry.getString("address")).isEqualTo("127.0.0.1");
    assertThat(entry.getJsonObject("detail").getJsonArray("proposed")).containsExactly("snmpd-test");
    assertThat(entry.getJsonObject("detail").getInteger("swept")).isEqualTo(7);
  }

  @Test
  void with_lang_en_the_snippet_speaks_english() {
    Answer answer = server.client.post("/api/v1/discovery?lang=en", request("wernigerode", "127.0.0.7/32"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("snippet")).contains("Proposal of network discovery").contains("  - id: snmpd-test");
  }

  @Test
  void a_tenant_user_and_staff_may_not_run_discovery() throws Exception {
    ApiClient tenantUser = server.client.as(server.token("wr-it", Role.TENANT, Optional.of("wernigerode")));
    ApiClient staff = server.client.as(server.token("skrause", Role.STAFF, Optional.empty()));

    assertThat(tenantUser.post("/api/v1/discovery", request("wernigerode", "127.0.0.7/32")).status()).isEqualTo(403);
    assertThat(staff.post("/api/v1/discovery", request("wernigerode", "127.0.0.7/32")).status()).isEqualTo(403);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'discovery.run'")).isZero();
  }

  @Test
  void a_range_larger_than_the_limit_is_400_naming_it_and_nothing_is_swept() throws Exception {
    Answer answer = server.client.post("/api/v1/discovery", request("wernigerode", "10.0.0.0/8"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getString("message"))
        .contains("'10.0.0.0/8' has 16777214 addresses, more than discovery.max_addresses (1024) allows");
    assertThat(answer.error().getString("field")).isEqualTo("ranges[0]");
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'discovery.run'")).isZero();
  }

  @Test
  void a_range_that_is_no_cidr_and_an_unknown_tenant_are_400_naming_the_field() {
    Answer notCidr = server.client.post("/api/v1/discovery", request("wernigerode", "127.0.0.1/32", "rathaus-netz"));
    Answer unknownTenant = server.client.post("/api/v1/discovery", request("goslar", "127.0.0.1/32"));

    assertThat(notCidr.status()).isEqualTo(400);
    assertThat(notCidr.error().getString("field")).isEqualTo("ranges[1]");
    assertThat(notCidr.error().getString("message")).contains("'rathaus-netz' is not a CIDR range");
    assertThat(unknownTenant.status()).isEqualTo(400);
    assertThat(unknownTenant.error().getString("field")).isEqualTo("tenant");
    assertThat(unknownTenant.error().getString("message")).contains("unknown tenant 'goslar'");
  }
}
