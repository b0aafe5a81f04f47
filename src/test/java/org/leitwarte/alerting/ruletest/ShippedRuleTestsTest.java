package org.leitwarte.alerting.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.rules.RuleLoader;

/** The rule tests shipped in alert-rules/tests/ pass, and no shipped rule goes untested. */
class ShippedRuleTestsTest {

  private static final Path RULES = Path.of("alert-rules");
  private static final Path TESTS = RULES.resolve("tests");

  static Stream<Path> testFiles() throws Exception {
    return RuleTestRunner.testFiles(TESTS).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("testFiles")
  void every_shipped_rule_test_passes(Path file) {
    FileResult result = RuleTestRunner.run(file);

    assertThat(result.passed()).as(result.report()).isTrue();
    assertThat(result.tests()).isNotEmpty();
  }

  @Test
  void every_shipped_rule_fires_in_a_test_and_is_shown_not_firing_in_another() throws Exception {
    Set<String> fires = new TreeSet<>();
    Set<String> shownQuiet = new TreeSet<>();
    for (Path file : RuleTestRunner.testFiles(TESTS)) {
      for (RuleTestCase test : RuleTestRunner.read(file).tests()) {
        for (AlertCheck check : test.alertChecks()) {
          check.alerts().stream().filter(alert -> alert.state() == AlertState.FIRING).forEach(alert -> fires.add(alert.rule()));
          if (check.alerts().isEmpty()) {
            check.rule().ifPresent(shownQuiet::add);
          }
        }
      }
    }
    List<String> untested = new ArrayList<>();
    for (Rule rule : RuleLoader.load(RULES).all()) {
      if (!fires.contains(rule.name())) {
        untested.add(rule.name() + " (" + rule.source() + "): no test expects it firing");
      }
      if (!shownQuiet.contains(rule.name())) {
        untested.add(rule.name() + " (" + rule.source() + "): no check `rule: " + rule.name() + ", alerts: []`");
      }
    }

    assertThat(untested).as("rules in alert-rules/ need tests in alert-rules/tests/ (see its README)").isEmpty();
  }
}
