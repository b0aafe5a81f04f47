package org.leitwarte.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tenants, sites and devices, with every reference between them already checked. */
public record Inventory(List<Tenant> tenants, List<Site> sites, List<Device> devices) {

  public Inventory {
    tenants = List.copyOf(tenants);
    sites = List.copyOf(sites);
    devices = List.copyOf(devices);
  }

  public static Inventory empty() {
    return new Inventory(List.of(), List.of(), List.of());
  }

  public Optional<Device> device(String id) {
    return devices.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Map<String, Device> devicesById() {
    Map<String, Device> byId = new LinkedHashMap<>();
    devices.forEach(d -> byId.put(d.id(), d));
    return byId;
  }
}
