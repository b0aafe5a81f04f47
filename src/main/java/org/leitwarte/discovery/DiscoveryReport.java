package org.leitwarte.discovery;

import java.util.Objects;

/**
 * The outcome of one discovery run: what was found, what is proposed, and the proposal as inventory YAML.
 */
public record DiscoveryReport(Findings findings, Proposal proposal, String snippet) {

  public DiscoveryReport {
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(snippet, "snippet");
  }
}
