package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.silence.Silence;

/**
 * A silence of a rule-test file's {@code silences:}, in effect from {@code start} to {@code end} after the
 * start of each test.
 */
public record TestSilence(long id, List<Matcher> matchers, Duration start, Duration end, String author, String comment) {

  public TestSilence {
    // Let Silence validate matchers, order and texts once, at read.
    at(Instant.EPOCH, id, matchers, start, end, author, comment);
    matchers = List.copyOf(matchers);
  }

  Silence at(Instant testStart) {
    return at(testStart, id, matchers, start, end, author, comment);
  }

  private static Silence at(
      Instant testStart, long id, List<Matcher> matchers, Duration start, Duration end, String author, String comment) {
    return new Silence(id, matchers, testStart.plus(start), testStart.plus(end), author, comment, testStart, Optional.empty());
  }
}
