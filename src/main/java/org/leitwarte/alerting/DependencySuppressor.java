package org.leitwarte.alerting;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suppresses the alerts of a device that is reached through a device that is down: walks {@code
 * upstream} from the alert's {@code device} label and names the nearest ancestor that is down, as
 * {@code parent:<id>}. The device itself is never looked at, so a device's own "unreachable" alert is
 * suppressed only by an ancestor, never by its own state. A loop in the upstream chain (an inventory
 * mistake) ends the walk.
 */
public final class DependencySuppressor implements Suppressor {

  private static final int SHORT_CHAIN = 8;

  private final DeviceDirectory devices;
  private final DeviceReachability reachability;

  public DependencySuppressor(DeviceDirectory devices, DeviceReachability reachability) {
    this.devices = devices;
    this.reachability = reachability;
  }

  @Override
  public Optional<String> suppressedBy(Map<String, String> labels, Instant now) {
    String device = labels.get("device");
    if (device == null || device.isEmpty()) {
      return Optional.empty();
    }
    Set<String> visited = null;
    String current = device;
    for (int depth = 0; ; depth++) {
      Optional<String> upstream = devices.device(current).flatMap(DeviceDirectory.DeviceInfo::upstream);
      if (upstream.isEmpty() || upstream.get().equals(device)) {
        return Optional.empty();
      }
      current = upstream.get();
      // Real chains are short; only a long one can hide a loop that does not pass through `device`.
      if (depth >= SHORT_CHAIN) {
        visited = visited == null ? new HashSet<>() : visited;
        if (!visited.add(current)) {
          return Optional.empty();
        }
      }
      if (reachability.isDown(current)) {
        return Optional.of("parent:" + current);
      }
    }
  }
}
