package org.leitwarte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code leitwarte test-rules FILE…}: what it prints and how it exits. */
class TestRulesCommandTest {

  private static final String PASSING = """
      tests:
        - name: down at two polls
          input:
            - {measurement: icmp, tags: {device: r1}, fields: {sent: "3x1", received: "0x1"}}
          expect:
            - {at: 1m, alerts: [{rule: device_down, labels: {device: r1}}]}
      """;

  @TempDir Path dir;

  record Outcome(int exit, String out, String err) {}

  @BeforeEach
  void rules() throws Exception {
    Files.createDirectories(dir.resolve("alert-rules/tests"));
    Files.writeString(dir.resolve("alert-rules/icmp.yaml"), """
        rules:
          - {name: device_down, measurement: icmp, condition: received == 0, for: 1m, severity: critical}
        """);
  }

  private Outcome testRules(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = LeitwarteCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    String[] args = new String[arguments.length + 1];
    args[0] = "test-rules";
    System.arraycopy(arguments, 0, args, 1, arguments.length);
    return new Outcome(commandLine.execute(args), out.toString(), err.toString());
  }

  private Path testFile(String name, String content) throws Exception {
    return Files.writeString(dir.resolve("alert-rules/tests").resolve(name), content);
  }

  @Test
  void passing_files_and_folders_exit_0_with_a_count_per_file() throws Exception {
    Path file = testFile("a.yaml", PASSING);
    testFile("b.yaml", PASSING);

    Outcome single = testRules(file.toString());
    Outcome folder = testRules(dir.resolve("alert-rules/tests").toString());

    assertThat(single.exit()).as(single.err()).isZero();
    assertThat(single.out()).isEqualTo(file + ": 1 test passed\n");
    assertThat(folder.exit()).as(folder.err()).isZero();
    assertThat(folder.out()).contains("a.yaml: 1 test passed\n").contains("b.yaml: 1 test passed\n");
  }

  @Test
  void a_failing_test_prints_its_diff_and_exits_1() throws Exception {
    Path passing = testFile("a.yaml", PASSING);
    Path failing = testFile("b.yaml", PASSING.replace("at: 1m", "at: 0m"));

    Outcome outcome = testRules(passing.toString(), failing.toString());

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.out()).contains(passing + ": 1 test passed")
        .contains(failing + ":2: FAILED: test 'down at two polls'")
        .contains("at 0s (line 6):")
        .contains("device_down {device=\"r1\"}:\n      state: expected firing, got pending")
        .contains(failing + ": 1 of 1 test failed");
  }

  @Test
  void an_invalid_file_prints_file_and_line_and_exits_1() throws Exception {
    Path file = testFile("a.yaml", PASSING.replace("received:", "recieved:"));

    Outcome outcome = testRules(file.toString());

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).contains(file + ":4: test 'down at two polls': input[0]: fields.recieved: not a field of icmp")
        .contains(file + ": invalid, no test was run");
  }

  @Test
  void a_missing_file_or_an_empty_folder_exits_1() throws Exception {
    Files.createDirectories(dir.resolve("empty"));

    Outcome missing = testRules(dir.resolve("nothere.yaml").toString());
    Outcome empty = testRules(dir.resolve("empty").toString());

    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("nothere.yaml: file not found");
    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.err()).contains("no rule-test files (*.yaml) in this folder");
  }

  @Test
  void the_shipped_rule_tests_pass_from_the_command_line() {
    Outcome outcome = testRules("alert-rules/tests");

    assertThat(outcome.exit()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("alert-rules/tests/router-outage.yaml: 2 tests passed");
  }
}
