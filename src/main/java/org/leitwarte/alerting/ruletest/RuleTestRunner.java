package org.leitwarte.alerting.ruletest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.config.Problems;
import org.leitwarte.config.Suggestions;

/**
 * Unit tests for alert rules, as {@code promtool test rules} runs them for Prometheus: reads a rule-test
 * file (format in {@code alert-rules/README.md}), loads the rules it names, and runs each test against
 * a fresh {@link org.leitwarte.alerting.AlertEvaluator} in simulated time. Pure and blocking (file IO,
 * compiling rules): call it from the command line or a test, not from an event loop.
 */
public final class RuleTestRunner {

  private RuleTestRunner() {}

  /** Runs the tests of one file; a file that cannot be used gives its problems and runs nothing. */
  public static FileResult run(Path file) {
    return run(file, file.toString());
  }

  /**
   * @param name how the file is named in messages
   */
  public static FileResult run(Path file, String name) {
    Problems problems = new Problems();
    Optional<RuleTestFile> read = RuleTestReader.read(file, name, problems);
    if (read.isEmpty() || !problems.isEmpty()) {
      return new FileResult(name, problems.list(), List.of());
    }
    Optional<RuleSet> rules = RuleFiles.load(read.get(), problems);
    if (rules.isEmpty()) {
      return new FileResult(name, problems.list(), List.of());
    }
    checkRuleNames(read.get(), rules.get(), problems);
    if (!problems.isEmpty()) {
      return new FileResult(name, problems.list(), List.of());
    }
    List<TestResult> results = new ArrayList<>();
    for (RuleTestCase test : read.get().tests()) {
      results.add(Simulation.run(read.get(), test, rules.get()));
    }
    return new FileResult(name, List.of(), results);
  }

  /**
   * Reads a test file without running it (for checks over all test files, such as "every rule is tested").
   *
   * @throws IllegalArgumentException listing the problems, as {@code file:line: message}
   */
  public static RuleTestFile read(Path file) {
    Problems problems = new Problems();
    Optional<RuleTestFile> read = RuleTestReader.read(file, file.toString(), problems);
    if (read.isEmpty() || !problems.isEmpty()) {
      throw new IllegalArgumentException(problems.exception().getMessage());
    }
    return read.get();
  }

  /** A file as it is; a folder as the {@code *.yaml} files directly in it, by name. */
  public static List<Path> testFiles(Path fileOrFolder) throws IOException {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> entries = Files.list(fileOrFolder)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static void checkRuleNames(RuleTestFile file, RuleSet rules, Problems problems) {
    Set<String> known = new TreeSet<>();
    rules.all().forEach(rule -> known.add(rule.name()));
    for (RuleTestCase test : file.tests()) {
      String where = "test '" + test.name() + "': ";
      for (AlertCheck check : test.alertChecks()) {
        check.rule().ifPresent(rule -> unknown(rule, known, file, check.line(), where + "rule", problems));
        check.alerts().forEach(alert -> unknown(alert.rule(), known, file, alert.line(), where + "alerts: rule", problems));
      }
      test.notificationChecks().forEach(check ->
          check.rule().ifPresent(rule -> unknown(rule, known, file, check.line(), where + "notifications: rule", problems)));
    }
  }

  private static void unknown(String rule, Set<String> known, RuleTestFile file, int line, String where, Problems problems) {
    if (!known.contains(rule)) {
      String hint = Suggestions.closest(rule, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
      problems.add(file.name(), line, where + ": no rule '" + rule + "' in the rule files" + hint);
    }
  }
}
