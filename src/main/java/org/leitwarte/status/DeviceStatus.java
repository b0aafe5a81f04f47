package org.leitwarte.status;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.inventory.Device;

/**
 * One device on the status board.
 *
 * @param reachability what its last poll said; empty when it was never polled
 * @param inMaintenance whether announced maintenance covers the device itself now
 * @param alerts its pending and firing alerts, newest first
 */
public record DeviceStatus(
    Device device, Status status, Optional<DeviceStates.State> reachability, boolean inMaintenance, List<Alert> alerts) {

  public DeviceStatus {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reachability, "reachability");
    alerts = List.copyOf(alerts);
  }

  public String id() {
    return device.id();
  }

  /** Polled and found unreachable. */
  public boolean down() {
    return reachability.map(state -> !state.reachable()).orElse(false);
  }

  public int alertsFiring() {
    return (int) alerts.stream().filter(alert -> alert.state() == AlertState.FIRING).count();
  }
}
