package org.leitwarte.collect.trap;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A trap or inform as it arrived, already authenticated, without anything SNMP4J: what {@link
 * TrapEvents} turns into an event. For v1 traps {@code trapOid} is already the v2 form (RFC 3584).
 *
 * @param source the sender's IP address as text
 * @param version {@code 1}, {@code 2c} or {@code 3}
 * @param bindings the variable bindings, without sysUpTime.0 and snmpTrapOID.0
 */
record ReceivedTrap(String source, String version, boolean inform, String trapOid, List<Binding> bindings, long receivedAtMillis) {

  ReceivedTrap {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(trapOid, "trapOid");
    bindings = List.copyOf(bindings);
  }

  /** One variable binding: numeric OID, the value as text, and as a number when it is one. */
  record Binding(String oid, String value, OptionalLong number) {
    Binding {
      Objects.requireNonNull(oid, "oid");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(number, "number");
    }
  }
}
