package org.leitwarte.alerting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.Site;

/**
 * The inventory as alerting sees it: a device's labels, interval and the device it is reached
 * through — its {@code parent}, else the {@code uplink} of its site (unless it is that uplink).
 */
public final class InventoryDeviceDirectory implements DeviceDirectory {

  private final Map<String, DeviceInfo> devices = new HashMap<>();

  public InventoryDeviceDirectory(Inventory inventory) {
    Map<String, Site> sites = new HashMap<>();
    inventory.sites().forEach(site -> sites.put(site.id(), site));
    for (Device device : inventory.devices()) {
      Optional<String> upstream = device.parent()
          .or(() -> Optional.ofNullable(sites.get(device.site())).flatMap(Site::uplink))
          .filter(id -> !id.equals(device.id()));
      devices.put(device.id(), new DeviceInfo(
          device.id(), device.tenant(), device.site(), device.labels(), device.interval(), upstream));
    }
  }

  @Override
  public Optional<DeviceInfo> device(String id) {
    return Optional.ofNullable(devices.get(id));
  }
}
