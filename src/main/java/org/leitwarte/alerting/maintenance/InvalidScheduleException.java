package org.leitwarte.alerting.maintenance;

import java.util.List;

/**
 * A schedule given as a map (from the API or a rule-test file) is wrong. Each problem names its field,
 * e.g. {@code times[0].end: '25:00' is not a time of day (00:00 to 24:00)}; the message lists them all.
 */
public final class InvalidScheduleException extends IllegalArgumentException {

  private final List<String> problems;

  public InvalidScheduleException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
