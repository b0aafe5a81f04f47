package org.leitwarte.collect.icmp;

/**
 * One line fping 5.1 writes to stderr when run as {@code fping -C N addr…}. The closed set of shapes the
 * parser knows ({@link FpingOutput#parseLine}); anything else is {@link Other} and kept for error
 * messages.
 */
sealed interface FpingLine {

  /** {@code 127.0.0.1 : 0.042 0.019 -}: one value per request sent, {@code -} for a lost one. */
  record Summary(String target, PingStatistics statistics) implements FpingLine {}

  /** {@code fe80::1%nosuchif: Name or service not known}: fping could not ping this target at all. */
  record TargetProblem(String target, String message) implements FpingLine {}

  /**
   * {@code ICMP Host Unreachable from 10.0.0.1 for ICMP Echo sent to 10.0.0.5}: an ICMP error a router
   * (or the local stack) sent back for one of our requests.
   */
  record IcmpError(String target, String message) implements FpingLine {}

  /** {@code 127.0.0.1 : duplicate for [0], 64 bytes, 0.046 ms}: a second reply to one request. */
  record Duplicate(String target) implements FpingLine {}

  /** Blank lines and per-reply lines ({@code 127.0.0.1 : [0], 64 bytes, …}), which carry nothing new. */
  record Ignored() implements FpingLine {}

  /** Anything else, e.g. {@code fping: can't create socket (must run as root?)}. */
  record Other(String text) implements FpingLine {}
}
