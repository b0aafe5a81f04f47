package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.leitwarte.alerting.AlertChange;

/**
 * "Between {@code from} and {@code to} (both inclusive), so many alerts started notifying (and so many
 * stopped)": an entry of a test's {@code notifications:}. Counts {@link AlertChange#startsNotifying} and
 * {@link AlertChange#stopsNotifying}: what would page someone and what would tell them it is over.
 *
 * @param rule only changes of alerts of this rule
 * @param labels only changes of alerts that have these labels
 * @param fired expected number of changes that start notifying
 * @param resolved expected number of changes that stop notifying
 */
public record NotificationCheck(
    Duration from, Duration to, Optional<String> rule, Map<String, String> labels, OptionalInt fired, OptionalInt resolved,
    int line) {

  public NotificationCheck {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rule, "rule");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(fired, "fired");
    Objects.requireNonNull(resolved, "resolved");
    if (fired.isEmpty() && resolved.isEmpty()) {
      throw new IllegalArgumentException("count or resolved is required");
    }
  }

  /** Whether {@code change}, which happened {@code offset} after the start, is one this check counts. */
  boolean covers(AlertChange change, Duration offset) {
    return offset.compareTo(from) >= 0 && offset.compareTo(to) <= 0
        && rule.map(name -> name.equals(change.alert().rule())).orElse(true)
        && labels.entrySet().stream().allMatch(e -> e.getValue().equals(change.alert().labels().get(e.getKey())));
  }
}
