package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.status.DeviceFilter;
import org.leitwarte.status.DeviceStatus;
import org.leitwarte.status.SiteStatus;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.status.Summary;
import org.leitwarte.status.TenantStatus;

/**
 * Tenants, sites and devices of the status board as the API shows them (schemas TenantStatus,
 * TenantDetail, SiteStatus, DeviceStatus, DeviceDetail). A device's SNMP settings never appear: not the
 * version, not the community, not a user or password; of its service checks only what is checked, with
 * no user-info in URLs.
 */
final class StatusJson {

  private StatusJson() {}

  static JsonObject tenants(List<TenantStatus> tenants) {
    JsonArray array = new JsonArray();
    tenants.forEach(tenant -> array.add(tenant(tenant)));
    return new JsonObject().put("tenants", array);
  }

  static JsonObject tenant(TenantStatus tenant) {
    return summary(new JsonObject().put("id", tenant.tenant().id()).put("name", tenant.tenant().name()), tenant.summary());
  }

  static JsonObject tenantDetail(StatusBoard board, ApiScope scope, TenantStatus tenant) {
    JsonArray sites = new JsonArray();
    board.sitesOf(tenant.tenant().id()).forEach(site -> sites.add(site(site)));
    return tenant(tenant)
        .put("sites", sites)
        .put("devices", devices(board.devices(scope, DeviceFilter.ofTenant(tenant.tenant().id()))).getJsonArray("devices"));
  }

  static JsonObject site(SiteStatus site) {
    return summary(new JsonObject().put("id", site.site().id()).put("name", site.site().name()), site.summary());
  }

  static JsonObject devices(List<DeviceStatus> devices) {
    JsonArray array = new JsonArray();
    devices.forEach(device -> array.add(device(device)));
    return new JsonObject().put("devices", array);
  }

  static JsonObject device(DeviceStatus status) {
    Device device = status.device();
    return new JsonObject()
        .put("id", device.id())
        .put("tenant", device.tenant())
        .put("site", device.site().equals(Device.NO_SITE) ? null : device.site())
        .put("address", device.address())
        .put("labels", new JsonObject(new TreeMap<String, Object>(device.labels())))
        .put("state", status.status().label())
        .put("reachable", status.reachability().map(state -> state.reachable()).orElse(null))
        .put("reachable_since", status.reachability().map(state -> Instant.ofEpochMilli(state.sinceMillis()).toString()).orElse(null))
        .put("reason", status.reachability().map(state -> state.reason()).orElse(null))
        .put("in_maintenance", status.inMaintenance())
        .put("alerts_firing", status.alertsFiring())
        .put("checks", checks(device));
  }

  /** The device's configured service checks (schema ServiceCheck). */
  private static JsonArray checks(Device device) {
    JsonArray checks = new JsonArray();
    for (ServiceCheck check : device.checks()) {
      checks.add(new JsonObject()
          .put("name", check.name())
          .put("kind", check.kind().yamlName())
          .put("target", CheckTargets.shown(device, check))
          .put("port", check.port())
          .put("url", CheckTargets.url(check).orElse(null))
          .put("tls", check.tls().yamlName())
          .put("interval_s", CheckTargets.intervalSeconds(device, check)));
    }
    return checks;
  }

  /** The device with its active alerts, its parent and its children, as far as {@code scope} sees them. */
  static JsonObject deviceDetail(StatusBoard board, ApiScope scope, DeviceStatus status, String language) {
    JsonArray children = new JsonArray();
    board.children(scope, status).forEach(child -> children.add(reference(child)));
    return device(status)
        .put("alerts", AlertJson.alerts(status.alerts(), language).getJsonArray("alerts"))
        .put("parent", board.parent(scope, status).map(StatusJson::reference).orElse(null))
        .put("children", children);
  }

  private static JsonObject reference(DeviceStatus device) {
    return new JsonObject().put("id", device.id()).put("tenant", device.device().tenant()).put("state", device.status().label());
  }

  private static JsonObject summary(JsonObject json, Summary summary) {
    return json
        .put("state", summary.status().label())
        .put("devices", summary.devices())
        .put("devices_down", summary.devicesDown())
        .put("alerts_firing", summary.alertsFiring())
        .put("in_maintenance", summary.inMaintenance());
  }
}
