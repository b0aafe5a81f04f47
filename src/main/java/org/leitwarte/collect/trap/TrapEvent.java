package org.leitwarte.collect.trap;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One received trap or inform as Leitwarte keeps and shows it: which device sent it (or that the
 * source is not in the inventory), what it says, and about which interface.
 *
 * @param tenant {@value #UNKNOWN_TENANT} when the source address is not in the inventory
 * @param site {@code -} for an unknown source
 * @param device the device's id, or the source address for an unknown source
 * @param trap the trap's name ({@code linkDown}, …) or, for enterprise traps, its OID
 * @param varbinds the variable bindings as {@code oid=value}, separated by {@code ", "}, shortened
 */
public record TrapEvent(
    Instant at,
    String tenant,
    String site,
    String device,
    boolean knownSource,
    String source,
    String version,
    String trap,
    String trapOid,
    Optional<String> ifIndex,
    Optional<String> ifName,
    OptionalLong adminStatus,
    OptionalLong operStatus,
    String varbinds) {

  /** The tenant of events whose source address is not in the inventory. */
  public static final String UNKNOWN_TENANT = "_unknown";

  public TrapEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(trap, "trap");
    Objects.requireNonNull(trapOid, "trapOid");
    Objects.requireNonNull(ifIndex, "ifIndex");
    Objects.requireNonNull(ifName, "ifName");
    Objects.requireNonNull(adminStatus, "adminStatus");
    Objects.requireNonNull(operStatus, "operStatus");
    Objects.requireNonNull(varbinds, "varbinds");
  }
}
