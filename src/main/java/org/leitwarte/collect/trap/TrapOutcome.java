package org.leitwarte.collect.trap;

import java.util.Locale;

/** What became of one UDP packet at the trap port: the {@code outcome} label of {@code leitwarte_traps_total}. */
public enum TrapOutcome {
  /** A trap or inform from a device in the inventory, turned into an event. */
  ACCEPTED,
  /** A trap or inform from an address not in the inventory, kept as an unknown-source event. */
  UNKNOWN_SOURCE,
  /** Dropped unread: its source had sent more than its share. */
  RATE_LIMITED,
  /** Not a decodable SNMP message, or not a trap or inform. */
  MALFORMED,
  /** Wrong community, unknown user, wrong digest or key, too low a security level, out of the time window. */
  AUTH_FAILED,
  /** A sender asking for the receiver's engine ID before an SNMPv3 inform (answered with a report). */
  DISCOVERY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
