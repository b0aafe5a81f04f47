package org.leitwarte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.SnmpdServer;
import org.leitwarte.testsupport.SnmpsimServer;
import picocli.CommandLine;

/**
 * {@code leitwarte discover} against real agents on loopback: net-snmp's snmpd on 127.0.0.2 (SNMPv3 only
 * for us) and snmpsim's Cisco switch on 127.0.0.5, on the same port; every other address of 127.0.0.0/28
 * answers ping (Linux answers for all of 127/8) but no SNMP.
 */
class DiscoverCommandTest {

  private static final String SNMPD_HOST = "127.0.0.2";
  private static final String SNMPSIM_HOST = "127.0.0.5";

  private static int port;
  private static SnmpdServer snmpd;
  private static SnmpsimServer snmpsim;

  @TempDir Path dir;

  @BeforeAll
  static void startAgents() {
    port = FreePorts.udpOnAll(SNMPD_HOST, SNMPSIM_HOST, "127.0.0.1");
    snmpd = SnmpdServer.start(SNMPD_HOST, port, List.of(SnmpdServer.MONUSER));
    snmpsim = SnmpsimServer.start(SNMPSIM_HOST, port);
  }

  @AfterAll
  static void stopAgents() {
    if (snmpsim != null) {
      snmpsim.close();
    }
    if (snmpd != null) {
      snmpd.close();
    }
  }

  record Outcome(int exit, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = LeitwarteCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  /**
   * discovery.snmp: a community nobody knows, snmpd's v3 user (auth password literal, priv password from a
   * file), then the switch's community from a file, last snmpd's community (which must not win over the v3
   * user before it). The inventory already has a firewall at 127.0.0.9.
   */
  private Path config() throws Exception {
    Files.writeString(dir.resolve("priv"), SnmpdServer.MONUSER.privPassword());
    Files.writeString(dir.resolve("community"), SnmpsimServer.COMMUNITY);
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - {id: wr-firewall, tenant: wernigerode, address: 127.0.0.9, icmp: true}
        """);
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {port: 8080}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "http://127.0.0.1:8086", database: leitwarte}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        polling:
          snmp: {source_address: 127.0.0.1}
        icmp: {count: 1, period: 10ms, timeout: 500ms, gap: 0ms}
        discovery:
          max_addresses: 64
          snmp:
            - {version: 2c, community: nobody-knows-this, port: %1$d, timeout: 300ms, retries: 0}
            - {version: 3, port: %1$d, user: monuser, auth: SHA-256, auth_password: %2$s, priv: AES-256, priv_password: "${file:%3$s}", timeout: 500ms, retries: 0}
            - {version: 2c, community: "${file:%4$s}", port: %1$d, timeout: 2s, retries: 1}
            - {version: 2c, community: %5$s, port: %1$d, timeout: 300ms, retries: 0}
        """.formatted(port, SnmpdServer.MONUSER.authPassword(), dir.resolve("priv"), dir.resolve("community"), SnmpdServer.COMMUNITY));
    return config;
  }

  @Test
  void discover_prints_a_snippet_listing_exactly_the_answering_devices_with_their_sysname() throws Exception {
    Outcome outcome = run("discover", "--config", config().toString(), "--tenant", "wernigerode", "127.0.0.0/28");

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.err()).contains("14 addresses swept, 14 answered ping, 2 answered SNMP; proposed 2 new devices, "
        + "1 already in the inventory, 11 ping only");
    String snippet = outcome.out();
    assertThat(snippet)
        .contains("  - id: snmpd-test\n    tenant: wernigerode\n    address: 127.0.0.2\n")
        .contains("sysName " + SnmpdServer.SYS_NAME + ", sysDescr Linux")
        .contains("  - id: profiler3750\n    tenant: wernigerode\n    address: 127.0.0.5\n")
        .contains("sysName Profiler3750, sysDescr Cisco IOS Software, C3750 Software")
        .contains("sysObjectID 1.3.6.1.4.1.9.1.516 – Zugang discovery.snmp[2]")
        .contains("# 127.0.0.9 schon im Inventar als wr-firewall (Mandant wernigerode)")
        .contains("  # - {id: host-127-0-0-1, tenant: wernigerode, address: 127.0.0.1, icmp: true}")
        .contains("priv_password: \"${file:" + dir.resolve("priv") + "}\"")
        .contains("community: \"${file:" + dir.resolve("community") + "}\"")
        .contains("auth_password: \"${env:LEITWARTE_DISCOVERY_SNMP2_AUTH_PASSWORD}\"")
        .doesNotContain(SnmpdServer.MONUSER.authPassword(), SnmpdServer.MONUSER.privPassword(), "nobody-knows-this");

    // Pasted beside the tenant, it is exactly the two agents, with the credential that answered each.
    Path pasted = dir.resolve("discovered.yaml");
    Files.writeString(pasted, "tenants:\n  - {id: wernigerode, name: Stadt Wernigerode}\n" + snippet);
    LeitwarteConfig.Polling defaults = new LeitwarteConfig.Polling(Duration.ofSeconds(60), 500, Duration.ofSeconds(2), 1, 25, "127.0.0.1");
    List<Device> devices = InventoryLoader.load(List.of(pasted), defaults,
        Map.of("LEITWARTE_DISCOVERY_SNMP2_AUTH_PASSWORD", SnmpdServer.MONUSER.authPassword())).devices();
    assertThat(devices).extracting(Device::id).containsExactly("snmpd-test", "profiler3750");
    assertThat(devices).extracting(Device::address).containsExactly(SNMPD_HOST, SNMPSIM_HOST);
    // The first credential that answers wins: snmpd's v3 user, not its community further down.
    assertThat(devices.get(0).snmp().orElseThrow().user()).contains("monuser");
    assertThat(snippet).contains("– Zugang discovery.snmp[1]\n  - id: snmpd-test").doesNotContain(SnmpdServer.COMMUNITY);
    assertThat(devices.get(1).snmp().orElseThrow().port()).isEqualTo(port);
  }

  @Test
  void a_range_larger_than_the_limit_is_refused_naming_it() throws Exception {
    Outcome outcome = run("discover", "--config", config().toString(), "--tenant", "wernigerode", "127.0.0.0/30", "10.0.0.0/8");

    assertThat(outcome.exit()).isEqualTo(LeitwarteCommand.REFUSED);
    assertThat(outcome.err()).contains("'10.0.0.0/8' has 16777214 addresses, more than discovery.max_addresses (64) allows");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void a_range_that_is_no_cidr_is_refused_naming_it() throws Exception {
    Outcome outcome = run("discover", "--config", config().toString(), "--tenant", "wernigerode", "127.0.0.300/28");

    assertThat(outcome.exit()).isEqualTo(LeitwarteCommand.REFUSED);
    assertThat(outcome.err()).contains("'127.0.0.300/28' is not a CIDR range");
  }

  @Test
  void an_unknown_tenant_is_refused_naming_the_known_ones() throws Exception {
    Outcome outcome = run("discover", "--config", config().toString(), "--tenant", "goslar", "127.0.0.1/32");

    assertThat(outcome.exit()).isEqualTo(LeitwarteCommand.REFUSED);
    assertThat(outcome.err()).contains("unknown tenant 'goslar'; the inventory has wernigerode");
  }

  @Test
  void a_broken_discovery_section_is_a_configuration_error_with_its_line() throws Exception {
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("max_addresses: 64", "max_adresses: 64"));

    Outcome outcome = run("discover", "--config", config.toString(), "--tenant", "wernigerode", "127.0.0.1/32");

    assertThat(outcome.exit()).isEqualTo(LeitwarteCommand.CONFIG_ERROR);
    assertThat(outcome.err()).contains("leitwarte.yaml:10: discovery: unknown key 'max_adresses' (did you mean 'max_addresses'?)");
  }

  @Test
  void check_config_reports_a_problem_of_the_discovery_section() throws Exception {
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("user: monuser, ", ""));

    Outcome outcome = run("check-config", "--config", config.toString());

    assertThat(outcome.exit()).isEqualTo(LeitwarteCommand.CONFIG_ERROR);
    assertThat(outcome.err()).contains("leitwarte.yaml:13: discovery.snmp[1]: missing key 'user' (needed for SNMP version 3)");
  }

  @Test
  void without_fping_discover_says_so_and_exits_2() throws Exception {
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("icmp: {count: 1,", "icmp: {fping: /nonexistent/fping, count: 1,"));

    Outcome outcome = run("discover", "--config", config.toString(), "--tenant", "wernigerode", "127.0.0.1/32");

    assertThat(outcome.exit()).isEqualTo(LeitwarteCommand.START_FAILED);
    assertThat(outcome.err()).contains("discover: cannot ping: fping not found at '/nonexistent/fping'");
    assertThat(outcome.out()).isEmpty();
  }
}
