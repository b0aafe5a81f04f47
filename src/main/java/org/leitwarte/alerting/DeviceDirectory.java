package org.leitwarte.alerting;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What alerting needs to know about a device from the inventory. */
public interface DeviceDirectory {

  /**
   * @param labels the device's inventory labels ({@code role}, {@code service}, …)
   * @param interval its polling interval (for no-data rules)
   * @param upstream the device it is reached through: its parent, else its site's uplink device
   *     (never itself)
   */
  record DeviceInfo(String id, String tenant, String site, Map<String, String> labels, Duration interval, Optional<String> upstream) {
    public DeviceInfo {
      labels = Map.copyOf(labels);
    }
  }

  Optional<DeviceInfo> device(String id);
}
