package org.leitwarte.collect.icmp;

import java.util.List;

/** What one fping run made of one target. */
sealed interface TargetResult {

  /**
   * fping pinged the target; it may still have answered nothing (100 % loss).
   *
   * @param icmpErrors ICMP errors routers sent back for it, e.g. {@code ICMP Host Unreachable from …}
   */
  record Pinged(PingStatistics statistics, List<String> icmpErrors) implements TargetResult {
    public Pinged {
      icmpErrors = List.copyOf(icmpErrors);
    }
  }

  /** fping could not ping the target at all; {@code reason} is meant for a person. */
  record Failed(String reason) implements TargetResult {}
}
