package org.leitwarte.status;

import java.util.Collection;
import java.util.Objects;

/**
 * The state of a group of devices (a site, a tenant) and what the board counts for it.
 *
 * @param devicesDown devices whose last poll found them unreachable, also those in maintenance
 * @param alertsFiring firing alerts of the group's devices, also suppressed ones
 * @param inMaintenance devices that announced maintenance covers now
 */
public record Summary(Status status, int devices, int devicesDown, int alertsFiring, int inMaintenance) {

  public Summary {
    Objects.requireNonNull(status, "status");
  }

  /**
   * The worst state of the devices that are not in maintenance (critical, warning, unknown, ok); when
   * every device is in maintenance, maintenance; a group without devices is unknown. So a municipality
   * fully in maintenance shows maintenance, one router in maintenance does not hide a critical server
   * beside it, and one device in maintenance among healthy ones leaves the group ok (counted in {@code
   * inMaintenance}).
   */
  public static Summary of(Collection<DeviceStatus> devices) {
    Status worst = null;
    int down = 0;
    int firing = 0;
    int maintenance = 0;
    for (DeviceStatus device : devices) {
      down += device.down() ? 1 : 0;
      firing += device.alertsFiring();
      if (device.status() == Status.MAINTENANCE) {
        maintenance++;
      } else if (worst == null || device.status().worseThan(worst)) {
        worst = device.status();
      }
    }
    Status status = worst != null ? worst : devices.isEmpty() ? Status.UNKNOWN : Status.MAINTENANCE;
    return new Summary(status, devices.size(), down, firing, maintenance);
  }
}
