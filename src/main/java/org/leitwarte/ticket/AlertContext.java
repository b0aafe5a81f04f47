package org.leitwarte.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ticket keeps of the alert or incident it was opened from, copied at opening: the alert may be
 * cleaned up long before the ticket is closed.
 *
 * @param rule the alert's rule; empty when opened from an incident
 * @param summary what was wrong, in German (the alert's summary, the incident's title)
 * @param since when it began
 */
public record AlertContext(Optional<String> rule, String summary, Instant since) {

  public AlertContext {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(since, "since");
  }
}
