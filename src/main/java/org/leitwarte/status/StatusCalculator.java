package org.leitwarte.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.maintenance.MaintenanceSuppressor;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.Site;
import org.leitwarte.inventory.Tenant;

/**
 * Computes the status board from what Leitwarte knows at one moment: the inventory, each device's last
 * poll, the active alerts and the maintenance windows.
 *
 * <p>A device is, first match wins:
 * <ol>
 *   <li>critical: a critical alert fires outside maintenance, or it is unreachable and not in maintenance;
 *   <li>warning: a warning fires outside maintenance;
 *   <li>maintenance: an active window covers the device's labels ({@code tenant}, {@code site},
 *       {@code device} and its inventory labels);
 *   <li>unknown: it was never polled;
 *   <li>ok.
 * </ol>
 * An alert is in maintenance when the evaluator suppressed it for maintenance or an active window covers
 * its labels. Silences and a parent that is down do not change the state: they mute notifications, the
 * device is no better for it. Pending alerts and alerts of severity info never change the state.
 */
public final class StatusCalculator {

  private StatusCalculator() {}

  /**
   * @param reachability a device's last poll, by device id; empty when never polled
   * @param active pending and firing alerts (others are ignored); alerts of devices not in the inventory too
   * @param windows maintenance windows; only those active at {@code now} count
   */
  public static StatusBoard calculate(
      Inventory inventory,
      Function<String, Optional<DeviceStates.State>> reachability,
      Collection<Alert> active,
      Collection<MaintenanceWindow> windows,
      Instant now) {
    List<MaintenanceWindow> inForce = windows.stream().filter(window -> window.isActive(now)).toList();
    Map<String, List<Alert>> alertsByDevice = new HashMap<>();
    for (Alert alert : active) {
      if (alert.state() != AlertState.RESOLVED) {
        alertsByDevice.computeIfAbsent(alert.device(), device -> new ArrayList<>()).add(alert);
      }
    }
    List<DeviceStatus> devices = new ArrayList<>();
    Map<String, List<DeviceStatus>> bySite = new LinkedHashMap<>();
    Map<String, List<DeviceStatus>> byTenant = new LinkedHashMap<>();
    for (Device device : inventory.devices()) {
      List<Alert> alerts = alertsByDevice.getOrDefault(device.id(), List.of());
      DeviceStatus status = device(device, reachability.apply(device.id()), alerts, inForce);
      devices.add(status);
      bySite.computeIfAbsent(device.site(), site -> new ArrayList<>()).add(status);
      byTenant.computeIfAbsent(device.tenant(), tenant -> new ArrayList<>()).add(status);
    }
    List<SiteStatus> sites = new ArrayList<>();
    for (Site site : inventory.sites()) {
      sites.add(new SiteStatus(site, Summary.of(bySite.getOrDefault(site.id(), List.of()))));
    }
    List<TenantStatus> tenants = new ArrayList<>();
    for (Tenant tenant : inventory.tenants()) {
      tenants.add(new TenantStatus(tenant, Summary.of(byTenant.getOrDefault(tenant.id(), List.of()))));
    }
    return new StatusBoard(tenants, sites, devices);
  }

  private static DeviceStatus device(
      Device device, Optional<DeviceStates.State> polled, List<Alert> alerts, List<MaintenanceWindow> inForce) {
    boolean inMaintenance = covered(inForce, labels(device));
    boolean unreachable = polled.map(state -> !state.reachable()).orElse(false);
    Status status;
    if (fires(alerts, Severity.CRITICAL, inForce) || (unreachable && !inMaintenance)) {
      status = Status.CRITICAL;
    } else if (fires(alerts, Severity.WARNING, inForce)) {
      status = Status.WARNING;
    } else if (inMaintenance) {
      status = Status.MAINTENANCE;
    } else if (polled.isEmpty()) {
      status = Status.UNKNOWN;
    } else {
      status = Status.OK;
    }
    List<Alert> newestFirst = alerts.stream()
        .sorted((a, b) -> b.since().compareTo(a.since()))
        .toList();
    return new DeviceStatus(device, status, polled, inMaintenance, newestFirst);
  }

  private static boolean fires(List<Alert> alerts, Severity severity, List<MaintenanceWindow> inForce) {
    for (Alert alert : alerts) {
      if (alert.state() == AlertState.FIRING && alert.severity() == severity && !inMaintenance(alert, inForce)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inMaintenance(Alert alert, List<MaintenanceWindow> inForce) {
    return alert.suppressedBy().filter(reason -> reason.startsWith(MaintenanceSuppressor.REASON_PREFIX)).isPresent()
        || covered(inForce, alert.labels());
  }

  private static boolean covered(List<MaintenanceWindow> inForce, Map<String, String> labels) {
    return inForce.stream().anyMatch(window -> window.covers(labels));
  }

  /** The labels every alert of the device carries: its inventory labels under the common tags. */
  static Map<String, String> labels(Device device) {
    Map<String, String> labels = new HashMap<>(device.labels());
    labels.put("tenant", device.tenant());
    labels.put("site", device.site());
    labels.put("device", device.id());
    return labels;
  }
}
