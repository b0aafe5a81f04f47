package org.leitwarte.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.config.Suggestions;
import org.leitwarte.inventory.InventoryLoader.DeviceDraft;
import org.leitwarte.inventory.InventoryLoader.Entry;

/**
 * The checks that need the whole inventory: every tenant, site, uplink and parent named exists, a
 * device's site belongs to its tenant, parents form no cycle. Also works out each device's effective
 * site.
 */
final class InventoryReferences {

  private final Set<String> tenants;
  private final Map<String, Entry<Site>> sites;
  private final Map<String, Entry<DeviceDraft>> devices;

  InventoryReferences(
      Set<String> tenants, Map<String, Entry<Site>> sites, Map<String, Entry<DeviceDraft>> devices) {
    this.tenants = tenants;
    this.sites = sites;
    this.devices = devices;
  }

  /** Reports every broken reference to the problems of the entries' files. */
  void check() {
    for (Entry<Site> entry : sites.values()) {
      Site site = entry.value();
      checkExists(entry, "tenant", site.tenant(), tenants, "tenant");
      site.uplink().ifPresent(uplink -> checkExists(entry, "uplink", uplink, devices.keySet(), "device"));
    }
    for (Entry<DeviceDraft> entry : devices.values()) {
      DeviceDraft device = entry.value();
      checkExists(entry, "tenant", device.tenant(), tenants, "tenant");
      device.site().ifPresent(site -> checkSite(entry, site));
      device.parent().ifPresent(parent -> checkExists(entry, "parent", parent, devices.keySet(), "device"));
    }
    checkCycles();
  }

  /**
   * The device's own site, else its parent's effective site (transitively), else {@link
   * Device#NO_SITE}.
   */
  String effectiveSite(String deviceId) {
    Set<String> seen = new HashSet<>();
    Entry<DeviceDraft> current = devices.get(deviceId);
    while (current != null && seen.add(current.value().id())) {
      Optional<String> site = current.value().site();
      if (site.isPresent()) {
        return site.get();
      }
      current = current.value().parent().map(devices::get).orElse(null);
    }
    return Device.NO_SITE;
  }

  private void checkSite(Entry<DeviceDraft> entry, String siteId) {
    Entry<Site> site = sites.get(siteId);
    if (site == null) {
      checkExists(entry, "site", siteId, sites.keySet(), "site");
      return;
    }
    String tenant = entry.value().tenant();
    String siteTenant = site.value().tenant();
    // An unknown tenant on either side is reported already; a mismatch would only repeat it.
    if (tenants.contains(tenant) && tenants.contains(siteTenant) && !tenant.equals(siteTenant)) {
      entry.map().problem("site", "site '" + siteId + "' belongs to tenant '" + siteTenant + "', not to '" + tenant + "'");
    }
  }

  private static void checkExists(Entry<?> entry, String key, String id, Set<String> known, String kind) {
    if (id == null || known.contains(id)) {
      return;
    }
    String hint = Suggestions.closest(id, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    entry.map().problem(key, "unknown " + kind + " '" + id + "'" + hint);
  }

  /** Each cycle is reported once, at the member that comes first in the files. */
  private void checkCycles() {
    Set<String> reported = new HashSet<>();
    for (String start : devices.keySet()) {
      List<String> path = new ArrayList<>();
      String current = start;
      while (current != null && devices.containsKey(current) && !path.contains(current)) {
        path.add(current);
        current = devices.get(current).value().parent().orElse(null);
      }
      if (current == null || !path.contains(current) || reported.contains(current)) {
        continue;
      }
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
      reported.addAll(cycle);
      String first = devices.keySet().stream().filter(cycle::contains).findFirst().orElseThrow();
      int at = cycle.indexOf(first);
      List<String> ordered = new ArrayList<>(cycle.subList(at, cycle.size()));
      ordered.addAll(cycle.subList(0, at));
      ordered.add(first);
      devices.get(first).map().problem("parent", "parents form a cycle: " + String.join(" → ", ordered));
    }
  }
}
