package org.leitwarte.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.util.SubnetUtils;

/**
 * Expands IPv4 CIDR ranges into the host addresses to sweep, with Commons Net's {@link SubnetUtils}: without
 * the network and broadcast address where a subnet has them (up to /30), every address of a /31 (RFC 3021)
 * and the one of a /32. A bare address is a /32. Each address is swept once even if ranges overlap. The
 * count is checked before anything is expanded, so a /8 is refused without building 16 million strings.
 */
public final class AddressRanges {

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  private static final Pattern CIDR = Pattern.compile("(" + OCTET + "(?:\\." + OCTET + "){3})(?:/([0-9]{1,2}))?");

  private AddressRanges() {}

  /**
   * @param ranges CIDR ranges as given ({@code 192.0.2.0/24}, {@code 192.0.2.7/32}, {@code 192.0.2.7})
   * @param maxAddresses {@code discovery.max_addresses}: how many addresses all ranges together may have
   * @return the host addresses, in the order of the ranges and ascending within each
   * @throws DiscoveryRefusedException naming the range and its field ({@code ranges[i]})
   */
  public static List<String> expand(List<String> ranges, int maxAddresses) {
    if (ranges.isEmpty()) {
      throw new DiscoveryRefusedException("ranges", "give at least one CIDR range to sweep, e.g. 192.0.2.0/24");
    }
    List<SubnetUtils.SubnetInfo> subnets = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < ranges.size(); i++) {
      String field = "ranges[" + i + "]";
      String range = ranges.get(i) == null ? "" : ranges.get(i).strip();
      Matcher matcher = CIDR.matcher(range);
      if (!matcher.matches()) {
        throw new DiscoveryRefusedException(field, "'" + range + "' is not a CIDR range: expected an IPv4 network "
            + "like 192.0.2.0/24 or a single address like 192.0.2.7/32");
      }
      int prefix = matcher.group(2) == null ? 32 : Integer.parseInt(matcher.group(2));
      if (prefix > 32) {
        throw new DiscoveryRefusedException(field, "'" + range + "' is not a CIDR range: the prefix length must be 0 to 32");
      }
      long count = hostCount(prefix);
      if (count > maxAddresses) {
        throw new DiscoveryRefusedException(field, "'" + range + "' has " + count + " addresses, more than discovery.max_addresses ("
            + maxAddresses + ") allows; sweep smaller ranges or raise the limit in leitwarte.yaml");
      }
      total += count;
      if (total > maxAddresses) {
        throw new DiscoveryRefusedException(field, "with '" + range + "' the ranges have " + total
            + " addresses together, more than discovery.max_addresses (" + maxAddresses + ") allows");
      }
      SubnetUtils subnet = new SubnetUtils(matcher.group(1) + "/" + prefix);
      subnet.setInclusiveHostCount(prefix >= 31);
      subnets.add(subnet.getInfo());
    }
    Set<String> addresses = new LinkedHashSet<>();
    subnets.forEach(info -> info.iterableAddressStrings().forEach(addresses::add));
    return List.copyOf(addresses);
  }

  /** Host addresses of a subnet with this prefix length: the network and broadcast address do not count below /31. */
  static long hostCount(int prefix) {
    long size = 1L << (32 - prefix);
    return prefix >= 31 ? size : size - 2;
  }
}
