package org.leitwarte.status;

import java.util.Objects;
import java.util.Optional;

/** Which devices a list asks for; every part that is present must match. */
public record DeviceFilter(Optional<String> tenant, Optional<String> site, Optional<Status> status) {

  public static final DeviceFilter ALL = new DeviceFilter(Optional.empty(), Optional.empty(), Optional.empty());

  public DeviceFilter {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(status, "status");
  }

  public static DeviceFilter ofTenant(String tenant) {
    return new DeviceFilter(Optional.of(tenant), Optional.empty(), Optional.empty());
  }

  boolean matches(DeviceStatus device) {
    return tenant.map(device.device().tenant()::equals).orElse(true)
        && site.map(device.device().site()::equals).orElse(true)
        && status.map(wanted -> wanted == device.status()).orElse(true);
  }
}
