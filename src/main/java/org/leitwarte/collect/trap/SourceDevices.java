package org.leitwarte.collect.trap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.inventory.Device;

/**
 * Finds the device a trap came from by its source address. Addresses are compared in their canonical
 * form ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one); when several devices share an address, the
 * first in the inventory wins.
 */
final class SourceDevices {

  private final Map<String, Device> byAddress = new HashMap<>();

  SourceDevices(List<Device> devices) {
    for (Device device : devices) {
      byAddress.putIfAbsent(canonical(device.address()), device);
    }
  }

  Optional<Device> device(String sourceAddress) {
    return Optional.ofNullable(byAddress.get(canonical(sourceAddress)));
  }

  /** Inventory addresses are IP literals (checked on load), so this never asks DNS. */
  static String canonical(String address) {
    try {
      return InetAddress.getByName(address).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
