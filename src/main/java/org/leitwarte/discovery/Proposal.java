package org.leitwarte.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What discovery proposes for one tenant: one entry per address that answered ping, in sweep order.
 *
 * @param tenant the tenant every proposed device is for
 * @param ranges the ranges as given
 * @param swept how many addresses were swept
 */
public record Proposal(String tenant, List<String> ranges, int swept, List<Entry> entries) {

  public Proposal {
    Objects.requireNonNull(tenant, "tenant");
    ranges = List.copyOf(ranges);
    entries = List.copyOf(entries);
  }

  /** What becomes of an address. */
  public enum Kind {
    /** Answered SNMP and is not in the inventory: an active device entry. */
    NEW,
    /** Its address is already a device of the inventory: a comment naming that device. */
    EXISTING,
    /** Answered ping, but none of the credentials: a commented-out ping-only entry. */
    PING_ONLY
  }

  /**
   * One address.
   *
   * @param id the proposed device id (unique in the inventory and the proposal); for {@link Kind#EXISTING}
   *     the id of the device already there
   * @param existingTenant for {@link Kind#EXISTING}: the tenant of the device already there
   * @param answer what the agent said, if SNMP answered
   */
  public record Entry(Kind kind, String address, String id, Optional<String> existingTenant, Optional<SnmpAnswer> answer) {

    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(existingTenant, "existingTenant");
      Objects.requireNonNull(answer, "answer");
    }
  }

  public List<Entry> entries(Kind kind) {
    return entries.stream().filter(entry -> entry.kind() == kind).toList();
  }
}
