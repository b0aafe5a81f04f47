package org.leitwarte.status;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.NotFoundException;

/**
 * The state of every tenant, site and device at one moment, in inventory order, and what a request may
 * see of it: another tenant's tenant, site or device answers exactly as a missing one does.
 */
public record StatusBoard(List<TenantStatus> tenants, List<SiteStatus> sites, List<DeviceStatus> devices) {

  public static final StatusBoard EMPTY = new StatusBoard(List.of(), List.of(), List.of());

  public StatusBoard {
    tenants = List.copyOf(tenants);
    sites = List.copyOf(sites);
    devices = List.copyOf(devices);
  }

  public List<TenantStatus> tenants(ApiScope scope) {
    return tenants.stream().filter(tenant -> scope.sees(tenant.tenant().id())).toList();
  }

  /** @throws NotFoundException when there is no such tenant in {@code scope} */
  public TenantStatus tenant(ApiScope scope, String id) {
    return tenants.stream()
        .filter(tenant -> tenant.tenant().id().equals(id) && scope.sees(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("tenant " + id));
  }

  /** The sites of {@code tenant}. */
  public List<SiteStatus> sitesOf(String tenant) {
    return sites.stream().filter(site -> site.site().tenant().equals(tenant)).toList();
  }

  public List<DeviceStatus> devices(ApiScope scope, DeviceFilter filter) {
    return devices.stream().filter(device -> scope.sees(device.device().tenant()) && filter.matches(device)).toList();
  }

  /** @throws NotFoundException when there is no such device in {@code scope} */
  public DeviceStatus device(ApiScope scope, String id) {
    return visible(scope, id).orElseThrow(() -> new NotFoundException("device " + id));
  }

  /** The device's parent, when {@code scope} may see it (a parent can belong to another tenant). */
  public Optional<DeviceStatus> parent(ApiScope scope, DeviceStatus device) {
    return device.device().parent().flatMap(parent -> visible(scope, parent));
  }

  /** The devices whose parent {@code device} is, as far as {@code scope} may see them. */
  public List<DeviceStatus> children(ApiScope scope, DeviceStatus device) {
    return devices.stream()
        .filter(child -> child.device().parent().filter(device.id()::equals).isPresent())
        .filter(child -> scope.sees(child.device().tenant()))
        .toList();
  }

  private Optional<DeviceStatus> visible(ApiScope scope, String id) {
    Objects.requireNonNull(id, "id");
    return devices.stream().filter(device -> device.id().equals(id) && scope.sees(device.device().tenant())).findFirst();
  }
}
