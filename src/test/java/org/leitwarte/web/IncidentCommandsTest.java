package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.cli.LeitwarteCommand;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.store.Dialect;

/**
 * The incident and on-call commands of the CLI against a real running HTTP server (the one of {@link
 * ApiServer}, which is why this test lives beside it): what they print and how they exit.
 */
class IncidentCommandsTest {

  @TempDir Path dir;
  private ApiServer server;
  private Incident router;
  private String url;
  private Path tokenFile;

  record Outcome(int exit, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
    router = server.desk.open("wr-router antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW.minus(Duration.ofHours(2)));
    server.desk.open("Meldewesen langsam", "fachverfahren", "halberstadt", "hbs-app1", ApiServer.NOW.minus(Duration.ofMinutes(5)));
    url = "http://127.0.0.1:" + server.port;
    tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, server.token("ops", org.leitwarte.user.Role.ADMIN, java.util.Optional.empty()) + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Runs a command with the administrator's token file. */
  private Outcome run(String... args) {
    String[] withToken = java.util.Arrays.copyOf(args, args.length + 2);
    withToken[args.length] = "--token-file";
    withToken[args.length + 1] = tokenFile.toString();
    return runWithout(withToken);
  }

  private static Outcome runWithout(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = LeitwarteCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void incidents_prints_a_table_of_the_open_incidents() {
    Outcome outcome = run("incidents", "--server", url);

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    String[] lines = outcome.out().split("\n");
    assertThat(lines[0]).startsWith("REFERENCE").contains("STATE", "SEVERITY", "TEAM", "TENANT", "AGE", "TITLE");
    assertThat(lines[1]).contains("LW-2", "triggered", "critical", "fachverfahren", "halberstadt", "Meldewesen langsam");
    assertThat(lines[2]).contains("LW-1", "netz", "wernigerode", "wr-router antwortet nicht");
  }

  @Test
  void incidents_are_filtered_by_team_and_state() {
    assertThat(run("incidents", "--server", url, "--team", "netz").out()).contains("LW-1").doesNotContain("LW-2");
    assertThat(run("incidents", "--server", url, "--state", "resolved").out()).isEqualTo("No incidents.\n");
    assertThat(run("incidents", "--server", url, "--state", "all", "--tenant", "halberstadt").out()).contains("LW-2").doesNotContain("LW-1");
  }

  @Test
  void the_server_is_found_through_the_configuration_file() throws Exception {
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(dir.resolve("inventory.yaml"), "tenants: []\n");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "http://127.0.0.1:8086", database: leitwarte}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        """.formatted(server.port));

    Outcome outcome = run("incidents", "--config", config.toString());

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("LW-1", "LW-2");
  }

  @Test
  void acknowledge_note_reassign_and_resolve_change_the_incident_and_show_in_its_timeline() {
    Outcome ack = run("ack", "LW-1", "--as", "tbecker", "--server", url);
    assertThat(ack.exit()).as(ack.err()).isZero();
    assertThat(ack.out()).isEqualTo("LW-1 acknowledged by tbecker (acknowledged)\n");

    Outcome note = run("note", "1", "--as", "tbecker", "Techniker", "ist", "unterwegs", "--server", url);
    assertThat(note.exit()).as(note.err()).isZero();

    Outcome reassign = run("reassign", "LW-1", "--as", "tbecker", "--to", "akoch", "--server", url);
    assertThat(reassign.exit()).as(reassign.err()).isZero();
    assertThat(reassign.out()).contains("LW-1 reassigned to akoch");

    Outcome resolve = run("resolve", "LW-1", "--as", "akoch", "--comment", "Netzteil getauscht", "--server", url);
    assertThat(resolve.exit()).as(resolve.err()).isZero();
    assertThat(server.desk.incident(router.id()).state()).isEqualTo(IncidentState.RESOLVED);

    Outcome show = run("incident", "show", "LW-1", "--server", url);
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("LW-1  wr-router antwortet nicht")
        .contains("state:     resolved (acknowledged by tbecker")
        .contains("firing  device_down  wr-router", "wr-router does not answer")
        .contains("acknowledged tbecker via api", "note tbecker via api: Techniker ist unterwegs",
            "reassigned tbecker via api", "resolved akoch via api: resolved by akoch: Netzteil getauscht");
  }

  @Test
  void a_refusal_of_the_server_exits_1_with_its_message() {
    Outcome unknownPerson = run("ack", "LW-1", "--as", "nobody", "--server", url);
    assertThat(unknownPerson.exit()).isEqualTo(1);
    assertThat(unknownPerson.err()).contains("person: unknown person 'nobody'");

    Outcome missing = run("incident", "show", "LW-99", "--server", url);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("incident 99 not found");

    run("resolve", "LW-1", "--as", "akoch", "--server", url);
    Outcome conflict = run("note", "LW-1", "--as", "akoch", "zu spät", "--server", url);
    assertThat(conflict.exit()).isEqualTo(1);
    assertThat(conflict.err()).contains("LW-1 is resolved");
  }

  @Test
  void an_on_call_engineer_acknowledges_as_themselves_with_their_token_and_not_as_someone_else() throws Exception {
    Path own = dir.resolve("tbecker-token");
    Files.writeString(own, server.token("tbecker", org.leitwarte.user.Role.ONCALL, java.util.Optional.empty()));

    Outcome other = runWithout("ack", "LW-1", "--as", "akoch", "--server", url, "--token-file", own.toString());
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("you act as yourself ('tbecker')");

    Outcome ack = runWithout("ack", "LW-1", "--server", url, "--token-file", own.toString());
    assertThat(ack.exit()).as(ack.err()).isZero();
    assertThat(ack.out()).isEqualTo("LW-1 acknowledged by tbecker (acknowledged)\n");
  }

  @Test
  void without_a_token_the_service_refuses_and_the_command_says_how_to_give_one() {
    Outcome outcome = runWithout("incidents", "--server", url);

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains("sign in first", "use --token-file FILE or set LEITWARTE_TOKEN");
  }

  @Test
  void a_usage_error_exits_2() {
    assertThat(run("ack", "--server", url).exit()).isEqualTo(2);
    Outcome badId = run("ack", "router", "--as", "tbecker", "--server", url);
    assertThat(badId.exit()).isEqualTo(2);
    assertThat(badId.err()).contains("'router' is not an incident");
    assertThat(run("incidents", "--server", "nonsense").exit()).isEqualTo(2);
  }

  @Test
  void a_service_that_does_not_answer_exits_3_naming_the_address() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    Outcome outcome = run("incidents", "--server", "http://127.0.0.1:" + closed);

    assertThat(outcome.exit()).isEqualTo(3);
    assertThat(outcome.err()).contains("Leitwarte is not reachable at http://127.0.0.1:" + closed);
  }

  @Test
  void oncall_shows_who_is_on_call_per_schedule_now_or_at_a_local_time() {
    Outcome now = run("oncall", "--team", "netz", "--server", url);
    assertThat(now.exit()).as(now.err()).isZero();
    assertThat(now.out()).contains("On call at 2026-03-25 10:00 (Europe/Berlin)")
        .contains("netz-rufbereitschaft", "Thomas Becker (tbecker)", "2026-03-23 09:00", "Wochendienst");

    Outcome night = run("oncall", "--at", "2026-03-03T03:00", "--server", url);
    assertThat(night.exit()).as(night.err()).isZero();
    assertThat(night.out()).contains("Jan Schmidt (jschmidt)", "override: Tausch mit Katrin").contains("fachverfahren-bereitschaft");

    Outcome unknownTeam = run("oncall", "--team", "noc", "--server", url);
    assertThat(unknownTeam.exit()).isEqualTo(1);
    assertThat(unknownTeam.err()).contains("team noc not found");
  }
}
