package org.leitwarte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check-config} validates the alert rules named by {@code rules:} along with everything else. */
class CheckConfigRulesTest {

  private static final String INVENTORY = """
      tenants:
        - {id: wernigerode, name: Stadt Wernigerode}
      devices:
        - {id: wr-router, tenant: wernigerode, address: 127.0.0.1, icmp: true}
      """;

  @TempDir Path dir;

  record Outcome(int exit, String out, String err) {}

  private Outcome checkConfig(String rulesKey, String inventory) throws Exception {
    Files.writeString(dir.resolve("inventory.yaml"), inventory);
    Path config = Files.writeString(dir.resolve("etc/leitwarte.yaml"), """
        influx: {url: "http://127.0.0.1:8086"}
        inventory: [../inventory.yaml]
        """ + rulesKey);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = LeitwarteCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute("check-config", "--config", config.toString());
    return new Outcome(exit, out.toString(), err.toString());
  }

  private void rules(String file, String content) throws Exception {
    Files.createDirectories(dir.resolve("alert-rules"));
    Files.writeString(dir.resolve("alert-rules").resolve(file), content);
  }

  @Test
  void good_rules_are_counted() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    rules("icmp.yaml", "rules:\n  - {name: down, measurement: icmp, condition: received == 0, severity: critical}\n");

    Outcome outcome = checkConfig("rules: ../alert-rules\n", INVENTORY);

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("OK (1 tenants, 0 sites, 1 devices; 1 alert rules)");
  }

  @Test
  void a_broken_rule_fails_the_check_with_its_file_and_line_next_to_inventory_problems() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    rules("icmp.yaml", "rules:\n  - name: down\n    measurement: icmp\n    condition: received == 'none'\n    severity: critical\n");

    Outcome outcome = checkConfig("rules: ../alert-rules\n", INVENTORY.replace("address:", "adress:"));

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err())
        .contains("inventory.yaml:4: device 'wr-router': unknown key 'adress' (did you mean 'address'?)")
        .contains("icmp.yaml:4: rule 'down': condition: found no matching overload for '==' applied to '(int, string)'")
        .contains("3 problems found.");
  }

  @Test
  void a_missing_rules_folder_fails_the_check() throws Exception {
    Files.createDirectories(dir.resolve("etc"));

    Outcome outcome = checkConfig("rules: ../alert-rules\n", INVENTORY);

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains("alert-rules: rules folder not found: " + dir.resolve("alert-rules"));
  }

  @Test
  void without_a_rules_key_there_are_no_rules_to_check() throws Exception {
    Files.createDirectories(dir.resolve("etc"));

    Outcome outcome = checkConfig("", INVENTORY);

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("OK (1 tenants, 0 sites, 1 devices)");
  }

  @Test
  void the_shipped_rules_pass_the_check() throws Exception {
    Files.createDirectories(dir.resolve("etc"));

    Outcome outcome = checkConfig("rules: " + Path.of("alert-rules").toAbsolutePath() + "\n", INVENTORY);

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("; " + org.leitwarte.alerting.rules.RuleLoader.load(Path.of("alert-rules")).size() + " alert rules; ").contains(" people, ").contains(" routes)");
  }

  @Test
  void the_on_call_and_routing_files_beside_the_rules_are_checked_and_counted() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    rules("icmp.yaml", "rules:\n  - {name: down, measurement: icmp, condition: received == 0, severity: critical}\n");
    rules("oncall.yaml", """
        people:
          - {id: anna, name: Anna Albers, email: anna@kdo.test}
        teams:
          - {id: netz, members: [anna], policy: netz}
        escalation_policies:
          - {id: netz, name: Netz, levels: [{targets: [{person: anna}]}]}
        """);
    rules("routing.yaml", "route:\n  team: netz\n  routes:\n    - {match: {role: router}, team: netz}\n");

    Outcome outcome = checkConfig("rules: ../alert-rules\n", INVENTORY);

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("1 alert rules; 1 people, 1 teams, 0 schedules, 1 escalation policies; 2 routes)");
  }

  @Test
  void a_route_to_a_team_nobody_defined_fails_the_check_with_its_file_and_line() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    rules("icmp.yaml", "rules:\n  - {name: down, measurement: icmp, condition: received == 0, severity: critical}\n");
    rules("oncall.yaml", """
        people:
          - {id: anna, name: Anna Albers, email: anna@kdo.test}
        teams:
          - {id: netz, members: [anna], policy: netz}
        escalation_policies:
          - {id: netz, name: Netz, levels: [{targets: [{person: anna}]}]}
        """);
    rules("routing.yaml", "route:\n  team: netz\n  routes:\n    - match: {role: router}\n      team: netzz\n");

    Outcome outcome = checkConfig("rules: ../alert-rules\n", INVENTORY);

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains("routing.yaml:5:").contains("unknown team 'netzz'");
  }
}
