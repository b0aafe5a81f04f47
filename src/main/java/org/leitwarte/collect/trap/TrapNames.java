package org.leitwarte.collect.trap;

import java.util.Map;
import java.util.Optional;

/** The names of the standard traps (RFC 3418 / SNMPv2-MIB, IF-MIB) and the v1 → v2 mapping of RFC 3584. */
final class TrapNames {

  static final String SNMP_TRAPS = "1.3.6.1.6.3.1.1.5";
  static final String COLD_START = SNMP_TRAPS + ".1";
  static final String WARM_START = SNMP_TRAPS + ".2";
  static final String LINK_DOWN = SNMP_TRAPS + ".3";
  static final String LINK_UP = SNMP_TRAPS + ".4";
  static final String AUTHENTICATION_FAILURE = SNMP_TRAPS + ".5";
  static final String EGP_NEIGHBOR_LOSS = SNMP_TRAPS + ".6";

  private static final Map<String, String> NAMES = Map.of(
      COLD_START, "coldStart",
      WARM_START, "warmStart",
      LINK_DOWN, "linkDown",
      LINK_UP, "linkUp",
      AUTHENTICATION_FAILURE, "authenticationFailure",
      EGP_NEIGHBOR_LOSS, "egpNeighborLoss");

  private TrapNames() {}

  /** The trap's name: a standard name, else the OID itself (enterprise traps). */
  static String name(String trapOid) {
    return NAMES.getOrDefault(trapOid, trapOid);
  }

  /** Whether the trap is one of the standard ones. */
  static boolean standard(String trapOid) {
    return NAMES.containsKey(trapOid);
  }

  /**
   * The v2 trap OID of a v1 trap (RFC 3584 3.1): generic traps 0–5 are snmpTraps.1–6, an
   * enterprise-specific one (generic 6) is the enterprise, 0, and the specific number.
   *
   * @return empty for a generic trap number outside 0–6
   */
  static Optional<String> v1TrapOid(String enterprise, int genericTrap, int specificTrap) {
    if (genericTrap >= 0 && genericTrap <= 5) {
      return Optional.of(SNMP_TRAPS + "." + (genericTrap + 1));
    }
    if (genericTrap == 6) {
      return Optional.of(enterprise + ".0." + Integer.toUnsignedString(specificTrap));
    }
    return Optional.empty();
  }
}
