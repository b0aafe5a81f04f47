package org.leitwarte.discovery;

import java.util.List;
import org.leitwarte.inventory.SnmpSettings;

/**
 * {@code discovery:} in leitwarte.yaml: the SNMP credentials tried on every address that answers ping, in
 * order (the first that answers wins), how many addresses one run may sweep, and how many addresses are
 * probed over SNMP at once.
 *
 * @param credentials as written under {@code discovery.snmp}, same keys as a device's {@code snmp}; their
 *     secrets keep the form written in the file ({@link org.leitwarte.config.Secret#raw()})
 */
public record DiscoverySettings(List<SnmpSettings> credentials, int maxAddresses, int maxConcurrent) {

  public static final int DEFAULT_MAX_ADDRESSES = 1024;
  public static final int DEFAULT_MAX_CONCURRENT = 64;

  public DiscoverySettings {
    credentials = List.copyOf(credentials);
    if (maxAddresses < 1 || maxConcurrent < 1) {
      throw new IllegalArgumentException("discovery needs max_addresses and max_concurrent of at least 1");
    }
  }

  /** No {@code discovery:} section: no credentials (ping only), the default limits. */
  public static DiscoverySettings defaults() {
    return new DiscoverySettings(List.of(), DEFAULT_MAX_ADDRESSES, DEFAULT_MAX_CONCURRENT);
  }
}
