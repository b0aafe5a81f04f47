package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.DeviceDirectory.DeviceInfo;

/**
 * A device of a rule-test file's {@code devices:}: the inventory facts the evaluator asks about.
 *
 * @param interval its polling interval; empty: the test's {@code interval}
 * @param parent the device it is reached through
 */
public record TestDevice(
    String id, String tenant, String site, Map<String, String> labels, Optional<Duration> interval, Optional<String> parent) {

  public TestDevice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(site, "site");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(parent, "parent");
  }

  DeviceInfo info(Duration defaultInterval) {
    return new DeviceInfo(id, tenant, site, labels, interval.orElse(defaultInterval), parent);
  }
}
