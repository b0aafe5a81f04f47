package org.leitwarte.alerting.ruletest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;

/**
 * A rule-test file as read: which rules to load, the inventory, maintenance windows and silences its tests
 * share, and the tests.
 *
 * @param name how the file is named in messages
 * @param ruleFiles the rule files (or folders) named by {@code rule_files:}, resolved against the test
 *     file's folder; empty: every rule file of the folder above the test file's folder
 * @param evaluationInterval how often the evaluator's clock ticks between samples
 */
public record RuleTestFile(
    Path path,
    String name,
    Optional<List<Path>> ruleFiles,
    int ruleFilesLine,
    Duration evaluationInterval,
    List<TestDevice> devices,
    List<MaintenanceWindow> maintenance,
    List<TestSilence> silences,
    List<RuleTestCase> tests) {

  public RuleTestFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    ruleFiles = ruleFiles.map(List::copyOf);
    Objects.requireNonNull(evaluationInterval, "evaluationInterval");
    devices = List.copyOf(devices);
    maintenance = List.copyOf(maintenance);
    silences = List.copyOf(silences);
    tests = List.copyOf(tests);
  }

  /** Every rule name its expectations refer to (alerts, checks limited to a rule, notification counts). */
  public Set<String> rulesMentioned() {
    Set<String> names = new TreeSet<>();
    for (RuleTestCase test : tests) {
      for (AlertCheck check : test.alertChecks()) {
        check.rule().ifPresent(names::add);
        check.alerts().forEach(alert -> names.add(alert.rule()));
      }
      test.notificationChecks().forEach(check -> check.rule().ifPresent(names::add));
    }
    return names;
  }
}
