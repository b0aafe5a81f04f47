package org.leitwarte.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.leitwarte.alerting.ruletest.FileResult;
import org.leitwarte.alerting.ruletest.RuleTestRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code leitwarte test-rules FILE…}: runs rule-test files (a folder stands for the {@code *.yaml} files in
 * it), prints {@code file: N tests passed} or the differences; exit 0 when all pass, 1 otherwise.
 */
@Command(
    name = "test-rules",
    description = "Run unit tests for alert rules (format: alert-rules/README.md); exit 0 when all pass, 1 when not.")
final class TestRulesCommand implements Callable<Integer> {

  /** Exit code when a test failed or a test file cannot be used. */
  static final int FAILED = 1;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule-test files, or folders of them (*.yaml).")
  List<Path> files;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean passed = true;
    for (Path given : files) {
      List<Path> testFiles;
      try {
        testFiles = RuleTestRunner.testFiles(given);
      } catch (IOException e) {
        err.println(given + ": cannot be read: " + e.getMessage());
        passed = false;
        continue;
      }
      if (testFiles.isEmpty()) {
        err.println(given + ": no rule-test files (*.yaml) in this folder");
        passed = false;
      }
      for (Path file : testFiles) {
        if (!Files.exists(file)) {
          err.println(file + ": file not found");
          passed = false;
          continue;
        }
        FileResult result = RuleTestRunner.run(file);
        (result.valid() ? out : err).print(result.report());
        passed &= result.passed();
      }
    }
    out.flush();
    err.flush();
    return passed ? 0 : FAILED;
  }
}
