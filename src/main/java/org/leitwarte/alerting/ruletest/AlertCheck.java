package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "At this time, exactly these alerts are active (pending or firing)": an entry of a test's {@code
 * expect:}.
 *
 * @param at offset from the test's start
 * @param rule with it, only the alerts of this rule are compared (as promtool's {@code alertname})
 */
public record AlertCheck(Duration at, Optional<String> rule, List<ExpectedAlert> alerts, int line) {

  public AlertCheck {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(rule, "rule");
    alerts = List.copyOf(alerts);
  }
}
