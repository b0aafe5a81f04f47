package org.leitwarte.discovery;

import java.util.Objects;
import java.util.Optional;

/**
 * An address whose agent answered the system GET.
 *
 * @param credential the position of the credential that answered in {@code discovery.snmp} (0-based)
 */
public record SnmpAnswer(
    String address, int credential, Optional<String> sysName, Optional<String> sysDescr, Optional<String> sysObjectId) {

  public SnmpAnswer {
    Objects.requireNonNull(address, "address");
    sysName = sysName.map(String::strip).filter(name -> !name.isEmpty());
    sysDescr = sysDescr.map(String::strip).filter(descr -> !descr.isEmpty());
    sysObjectId = sysObjectId.map(String::strip).filter(oid -> !oid.isEmpty());
  }
}
