package org.leitwarte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.testsupport.SnmpdServer;
import picocli.CommandLine;

/** The commands an administrator types, with what they print and how they exit. */
class CommandLineTest {

  private static SnmpdServer snmpd;

  @TempDir Path dir;

  @BeforeAll
  static void startAgent() {
    snmpd = SnmpdServer.start();
  }

  @AfterAll
  static void stopAgent() {
    snmpd.close();
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

  private Path config(String inventory) throws Exception {
    Files.writeString(dir.resolve("inventory.yaml"), inventory);
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {port: 8080}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "http://127.0.0.1:8086", database: leitwarte}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        polling:
          snmp: {source_address: 127.0.0.1}
        """);
    return config;
  }

  private String agentInventory() {
    return """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            snmp: {version: 2c, community: %s, port: %d}
            icmp: true
        """.formatted(SnmpdServer.COMMUNITY, snmpd.port());
  }

  @Test
  void check_config_accepts_a_good_configuration() throws Exception {
    Outcome outcome = run("check-config", "--config", config(agentInventory()).toString());
    assertThat(outcome.exit()).isZero();
    assertThat(outcome.out()).contains("OK (1 tenants, 0 sites, 1 devices)");
  }

  @Test
  void check_config_names_file_and_line_of_a_typo_and_exits_1() throws Exception {
    String inventory = """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-router
            tenant: wernigerode
            adress: 127.0.0.2
            icmp: true
        """;
    Outcome outcome = run("check-config", "--config", config(inventory).toString());
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err())
        .contains("inventory.yaml:6: device 'wr-router': unknown key 'adress' (did you mean 'address'?)")
        .contains("device 'wr-router': missing key 'address'");
  }

  @Test
  void run_refuses_a_broken_configuration_with_exit_1() throws Exception {
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, "http: {port: 8080}\ninflux: {url: 'http://127.0.0.1:8086'}\ninventory: [missing.yaml]\n");
    Outcome outcome = run("run", "--config", config.toString());
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains("missing.yaml");
  }

  @Test
  void poll_prints_what_it_collected_as_line_protocol() throws Exception {
    Outcome outcome = run("poll", "--config", config(agentInventory()).toString(), "--device", "wr-app1");
    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith("snmp,device=wr-app1,site=-,tenant=wernigerode ").contains("reachable=1i"))
        .anySatisfy(line -> assertThat(line).startsWith("interface,device=wr-app1,if_index=1,if_name=lo,"))
        .anySatisfy(line -> assertThat(line).startsWith("icmp,device=wr-app1,").contains("loss_pct=0"));
    assertThat(outcome.err()).contains("snmp: ok", "icmp: ok");
  }

  @Test
  void poll_runs_the_service_checks_of_a_device_that_has_only_checks() throws Exception {
    try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
      String inventory = """
          tenants:
            - {id: wernigerode, name: Stadt Wernigerode}
          devices:
            - id: wr-db
              tenant: wernigerode
              address: 127.0.0.1
              checks:
                - {name: datenbank, kind: tcp, port: %d}
          """.formatted(listening.getLocalPort());
      Outcome outcome = run("poll", "--config", config(inventory).toString(), "--device", "wr-db");

      assertThat(outcome.exit()).as(outcome.err()).isZero();
      assertThat(outcome.out().lines()).singleElement().satisfies(line -> assertThat(line)
          .startsWith("service_check,check=datenbank,device=wr-db,kind=tcp,site=-,target=127.0.0.1:" + listening.getLocalPort()
              + ",tenant=wernigerode ")
          .contains("ok=1i"));
      assertThat(outcome.err()).contains("service: ok (1 lines)");
    }
  }

  @Test
  void poll_of_a_device_that_does_not_answer_says_so_and_exits_3() throws Exception {
    String inventory = """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            snmp: {version: 2c, community: wrong-community, port: %d, timeout: 200ms, retries: 0}
        """.formatted(snmpd.port());
    Outcome outcome = run("poll", "--config", config(inventory).toString(), "--device", "wr-app1");
    assertThat(outcome.exit()).isEqualTo(3);
    assertThat(outcome.err()).contains("snmp: timeout");
    assertThat(outcome.out()).contains("reachable=0i");
  }

  @Test
  void poll_of_an_unknown_device_exits_1() throws Exception {
    Outcome outcome = run("poll", "--config", config(agentInventory()).toString(), "--device", "nope");
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains("no device 'nope' in the inventory");
  }
}
