package org.leitwarte.collect.icmp;

/** fping is missing, is not fping, or may not send ICMP; the message says how to fix it. */
public final class FpingUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public FpingUnavailableException(String message) {
    super(message);
  }
}
