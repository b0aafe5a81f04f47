package org.leitwarte.alerting.ruletest;

import java.util.List;
import java.util.Objects;

/**
 * How one test of a rule-test file went.
 *
 * @param failures one text per check that failed (may span lines), in time order; empty when it passed
 */
public record TestResult(String name, int line, List<String> failures) {

  public TestResult {
    Objects.requireNonNull(name, "name");
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
