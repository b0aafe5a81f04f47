package org.leitwarte.alerting.silence;

import java.util.List;
import java.util.Map;
import org.leitwarte.alerting.Matcher;

/** What silences and maintenance windows require of their matchers. */
public final class MatcherChecks {

  private MatcherChecks() {}

  /**
   * Rejects matchers that would silence everything, as Alertmanager does: at least one, and at least one
   * that an alert without labels does not match ({@code tenant=~".*"} alone is refused).
   *
   * @param field the name to put in the message ({@code matchers}, {@code scope})
   * @return an unmodifiable copy
   * @throws IllegalArgumentException if {@code matchers} would match every alert
   */
  public static List<Matcher> requireSelective(List<Matcher> matchers, String field) {
    List<Matcher> copy = List.copyOf(matchers);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(field + ": at least one matcher is required");
    }
    if (copy.stream().allMatch(matcher -> matcher.matches(Map.of()))) {
      throw new IllegalArgumentException(
          field + ": " + copy + " would match every alert; at least one matcher must need a non-empty label");
    }
    return copy;
  }
}
