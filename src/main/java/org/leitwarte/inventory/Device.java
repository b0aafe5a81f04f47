package org.leitwarte.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A monitored host or network device.
 *
 * @param site the effective site: the device's own, else its parent's (transitively), else {@link
 *     #NO_SITE}; every sample carries it as the {@code site} tag
 * @param address an IPv4 or IPv6 address literal
 * @param interval how often it is polled (the config's default when the inventory says nothing)
 * @param checks its service checks (NTP, SMTP, HTTP(S), …), in inventory order; empty for none
 * @param source where the device was defined, {@code inventory.yaml:12}, for messages
 */
public record Device(
    String id,
    String tenant,
    String site,
    String address,
    Optional<SnmpSettings> snmp,
    boolean icmp,
    Duration interval,
    Optional<String> parent,
    Map<String, String> labels,
    List<ServiceCheck> checks,
    String source) {

  /** The {@code site} tag of a device that has no site of its own and no parent with one. */
  public static final String NO_SITE = "-";

  public Device {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(snmp, "snmp");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(parent, "parent");
    labels = Map.copyOf(labels);
    checks = List.copyOf(checks);
    Objects.requireNonNull(source, "source");
  }
}
