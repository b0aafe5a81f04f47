package org.leitwarte.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;
import org.leitwarte.inventory.Tenant;

/** The proposal an administrator reviews: what is active, what is a comment, and that it loads. */
class InventorySnippetTest {

  static final LeitwarteConfig.Polling DEFAULTS =
      new LeitwarteConfig.Polling(Duration.ofSeconds(60), 500, Duration.ofSeconds(2), 1, 25, "127.0.0.1");

  /** discovery.snmp: a literal community, then v3 with one secret as a reference and one literal. */
  static final List<SnmpSettings> CREDENTIALS = List.of(
      new SnmpSettings(SnmpVersion.V2C, 1161, Optional.of(Secret.of("geheim-public")), Optional.empty(), AuthProtocol.NONE,
          Optional.empty(), PrivProtocol.NONE, Optional.empty(), Optional.empty(), Duration.ofMillis(300), 0, 25),
      new SnmpSettings(SnmpVersion.V3, 161, Optional.empty(), Optional.of("monuser"), AuthProtocol.SHA_256,
          Optional.of(Secret.of("${env:DISC_AUTH}")), PrivProtocol.AES_256, Optional.of(Secret.of("privpass-literal")),
          Optional.empty(), Duration.ofMillis(300), 0, 25));

  @TempDir Path dir;

  private final Inventory inventory = new Inventory(
      List.of(new Tenant("wernigerode", "Stadt Wernigerode"), new Tenant("kdo", "KDO")), List.of(),
      List.of(device("wr-router", "wernigerode", "127.0.0.2"), device("profiler3750", "kdo", "10.1.1.1")));

  private final Findings findings = new Findings(
      List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"),
      List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.5"),
      List.of(
          answer("127.0.0.2", 1, "snmpd-test", "Linux leitwarte 6.1"),
          answer("127.0.0.3", 0, "Profiler3750", "Cisco IOS Software, C3750\r\nTechnical Support: http://www.cisco.com"),
          answer("127.0.0.5", 1, "Profiler3750", "second one")));

  @Test
  void the_active_entries_are_exactly_the_new_snmp_devices_with_ids_free_in_the_whole_inventory() {
    Proposal proposal = ProposalPlanner.plan("wernigerode", List.of("127.0.0.0/29"), findings, inventory);

    assertThat(proposal.entries(Proposal.Kind.NEW)).extracting(Proposal.Entry::id).containsExactly("profiler3750-2", "profiler3750-3");
    assertThat(proposal.entries(Proposal.Kind.EXISTING)).singleElement()
        .satisfies(entry -> assertThat(entry.id()).isEqualTo("wr-router"));
    assertThat(proposal.entries(Proposal.Kind.PING_ONLY)).extracting(Proposal.Entry::id).containsExactly("host-127-0-0-1");
  }

  @Test
  void the_snippet_names_what_answered_marks_what_is_known_and_shows_no_secret() {
    String snippet = snippet();

    assertThat(snippet)
        .contains("für Mandant wernigerode")
        .contains("6 Adressen abgefragt, 4 antworten auf Ping; 2 neue SNMP-Geräte, 1 schon im Inventar, 1 nur Ping")
        .contains("  - id: profiler3750-2\n    tenant: wernigerode\n    address: 127.0.0.3\n"
            + "    snmp: {version: 2c, port: 1161, community: \"${env:LEITWARTE_DISCOVERY_SNMP1_COMMUNITY}\"}\n    icmp: true")
        .contains("sysName Profiler3750, sysDescr Cisco IOS Software, C3750 Technical Support: http://www.cisco.com")
        .contains("snmp: {version: 3, user: \"monuser\", auth: SHA-256, auth_password: \"${env:DISC_AUTH}\", priv: AES-256, "
            + "priv_password: \"${env:LEITWARTE_DISCOVERY_SNMP2_PRIV_PASSWORD}\"}")
        .contains("#   ${env:LEITWARTE_DISCOVERY_SNMP1_COMMUNITY} = discovery.snmp[0].community")
        .contains("# 127.0.0.2 schon im Inventar als wr-router (Mandant wernigerode) – sysName snmpd-test")
        .contains("  # - {id: host-127-0-0-1, tenant: wernigerode, address: 127.0.0.1, icmp: true}")
        .contains("zum Übernehmen '# ' entfernen")
        .doesNotContain("geheim-public", "privpass-literal", "- id: snmpd-test");
  }

  @Test
  void pasted_beside_the_tenant_the_snippet_loads_as_exactly_the_new_devices() throws Exception {
    List<Device> devices = load(snippet());

    assertThat(devices).extracting(Device::id).containsExactly("profiler3750-2", "profiler3750-3");
    Device first = devices.get(0);
    assertThat(first.tenant()).isEqualTo("wernigerode");
    assertThat(first.address()).isEqualTo("127.0.0.3");
    assertThat(first.icmp()).isTrue();
    SnmpSettings snmp = first.snmp().orElseThrow();
    assertThat(snmp.version()).isEqualTo(SnmpVersion.V2C);
    assertThat(snmp.port()).isEqualTo(1161);
    assertThat(snmp.community().orElseThrow().raw()).isEqualTo("${env:LEITWARTE_DISCOVERY_SNMP1_COMMUNITY}");
    SnmpSettings v3 = devices.get(1).snmp().orElseThrow();
    assertThat(v3.user()).contains("monuser");
    assertThat(v3.auth()).isEqualTo(AuthProtocol.SHA_256);
    assertThat(v3.priv()).isEqualTo(PrivProtocol.AES_256);
    assertThat(v3.authPassword().orElseThrow().raw()).isEqualTo("${env:DISC_AUTH}");
  }

  @Test
  void a_ping_only_line_uncommented_loads_as_a_ping_only_device() throws Exception {
    List<Device> devices = load(snippet().replace("  # - {id: host-127-0-0-1", "  - {id: host-127-0-0-1"));

    assertThat(devices).extracting(Device::id).containsExactly("profiler3750-2", "profiler3750-3", "host-127-0-0-1");
    assertThat(devices.get(2).snmp()).isEmpty();
    assertThat(devices.get(2).icmp()).isTrue();
  }

  @Test
  void in_english_the_comments_are_english_and_the_entries_the_same() throws Exception {
    String english = InventorySnippet.render(
        ProposalPlanner.plan("wernigerode", List.of("127.0.0.0/29"), findings, inventory), CREDENTIALS, "en");

    assertThat(english)
        .contains("for tenant wernigerode: none of it is in the inventory")
        .contains("6 addresses swept, 4 answer ping; 2 new SNMP devices, 1 already in the inventory, 1 ping only")
        .contains("# 127.0.0.2 already in the inventory as wr-router (tenant wernigerode)")
        .contains("remove '# ' to take one")
        .contains("credential discovery.snmp[0]")
        .doesNotContain("Mandant", "Inventar");
    assertThat(load(english)).extracting(Device::id).containsExactly("profiler3750-2", "profiler3750-3");
  }

  @Test
  void with_no_snmp_device_the_snippet_still_loads_and_lists_nothing_active() throws Exception {
    Findings pingOnly = new Findings(List.of("127.0.0.1"), List.of("127.0.0.1"), List.of());
    String snippet = InventorySnippet.render(
        ProposalPlanner.plan("wernigerode", List.of("127.0.0.1/32"), pingOnly, Inventory.empty()), CREDENTIALS);

    assertThat(snippet).contains("devices: []");
    assertThat(load(snippet)).isEmpty();
  }

  @Test
  void agent_text_that_would_break_yaml_stays_inside_the_comment_and_quotes() throws Exception {
    Findings hostile = new Findings(List.of("127.0.0.9"), List.of("127.0.0.9"),
        List.of(answer("127.0.0.9", 0, "true", "line one\n- id: injected\n  tenant: x")));
    String snippet = InventorySnippet.render(ProposalPlanner.plan("wernigerode", List.of("127.0.0.9/32"), hostile, inventory), CREDENTIALS);

    assertThat(snippet).contains("  - id: \"true\"").contains("sysDescr line one - id: injected tenant: x");
    assertThat(load(snippet)).extracting(Device::id).containsExactly("true");
  }

  @Test
  void yaml_scalars_are_plain_only_where_they_read_back_as_the_same_string() {
    assertThat(InventorySnippet.scalar("wr-router")).isEqualTo("wr-router");
    assertThat(InventorySnippet.scalar("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(InventorySnippet.scalar("no")).isEqualTo("\"no\"");
    assertThat(InventorySnippet.scalar("::1")).isEqualTo("\"::1\"");
    assertThat(InventorySnippet.quoted("a\"b\\c\u0001")).isEqualTo("\"a\\\"b\\\\c\\x01\"");
  }

  private String snippet() {
    return InventorySnippet.render(ProposalPlanner.plan("wernigerode", List.of("127.0.0.0/29"), findings, inventory), CREDENTIALS);
  }

  private List<Device> load(String snippet) throws Exception {
    Path file = dir.resolve("discovered.yaml");
    Files.writeString(file, "tenants:\n  - {id: wernigerode, name: Stadt Wernigerode}\n" + snippet);
    Map<String, String> environment = Map.of("DISC_AUTH", "authpass123",
        "LEITWARTE_DISCOVERY_SNMP1_COMMUNITY", "public", "LEITWARTE_DISCOVERY_SNMP2_PRIV_PASSWORD", "privpass123");
    return InventoryLoader.load(List.of(file), DEFAULTS, environment).devices();
  }

  private static Device device(String id, String tenant, String address) {
    return new Device(id, tenant, Device.NO_SITE, address, Optional.empty(), true, Duration.ofMinutes(1), Optional.empty(),
        Map.of(), List.of(), "test");
  }

  private static SnmpAnswer answer(String address, int credential, String sysName, String sysDescr) {
    return new SnmpAnswer(address, credential, Optional.of(sysName), Optional.of(sysDescr), Optional.of("1.3.6.1.4.1.9.1.516"));
  }
}
