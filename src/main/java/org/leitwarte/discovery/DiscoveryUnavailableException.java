package org.leitwarte.discovery;

/** A discovery run could not sweep: fping missing or not allowed to ping, the SNMP socket not to be opened. */
public final class DiscoveryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DiscoveryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
