package org.leitwarte.alerting.ruletest;

import java.util.List;
import java.util.Objects;
import org.leitwarte.config.Problem;

/**
 * How a rule-test file went: either it is invalid ({@code problems}, nothing was run), or each of its
 * tests passed or failed.
 *
 * @param name the file as named in messages
 */
public record FileResult(String name, List<Problem> problems, List<TestResult> tests) {

  public FileResult {
    Objects.requireNonNull(name, "name");
    problems = List.copyOf(problems);
    tests = List.copyOf(tests);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public boolean passed() {
    return valid() && tests.stream().allMatch(TestResult::passed);
  }

  /**
   * What {@code leitwarte test-rules} prints: {@code file: 3 tests passed}; or each failed test with its
   * diff and a count; or the problems that made the file invalid, as {@code file:line: message}.
   */
  public String report() {
    StringBuilder text = new StringBuilder();
    if (!valid()) {
      problems.forEach(problem -> text.append(problem).append('\n'));
      return text.append(name).append(": invalid, no test was run\n").toString();
    }
    long failed = tests.stream().filter(test -> !test.passed()).count();
    for (TestResult test : tests) {
      if (test.passed()) {
        continue;
      }
      text.append(name).append(':').append(test.line()).append(": FAILED: test '").append(test.name()).append("'\n");
      for (String failure : test.failures()) {
        text.append("  ").append(failure.replace("\n", "\n  ")).append('\n');
      }
    }
    if (failed == 0) {
      return text.append(name).append(": ").append(count(tests.size())).append(" passed\n").toString();
    }
    return text.append(name).append(": ").append(failed).append(" of ").append(count(tests.size()))
        .append(" failed\n").toString();
  }

  private static String count(long tests) {
    return tests + (tests == 1 ? " test" : " tests");
  }
}
