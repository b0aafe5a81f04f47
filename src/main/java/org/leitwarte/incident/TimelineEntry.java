package org.leitwarte.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event in an incident's life, oldest first in a timeline.
 *
 * @param actor who did it (a person id), empty for what Leitwarte did by itself
 * @param channel how: for acknowledgements {@code web}, {@code api}, {@code link}, {@code email}, {@code cli};
 *     for notifications {@code email}, {@code webhook}, {@code sms}
 * @param text a short description in English for logs and the CLI (the UI renders its own from kind and details)
 * @param details kind-specific facts, JSON-friendly (strings, numbers, booleans): for {@code notified}
 *     {@code recipient}, {@code address}, {@code delivered}, {@code attempts}, {@code detail}, {@code level};
 *     for {@code escalated} {@code level} and {@code round}; for {@code reassigned} {@code from}, {@code to};
 *     for {@code alert_added} and {@code alert_resolved} {@code alert}, {@code rule}, {@code device}
 */
public record TimelineEntry(
    long id,
    long incidentId,
    Instant at,
    Kind kind,
    Optional<String> actor,
    Optional<String> channel,
    String text,
    Map<String, Object> details) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(text, "text");
    details = Map.copyOf(details);
  }

  public enum Kind {
    CREATED,
    ALERT_ADDED,
    ALERT_RESOLVED,
    NOTIFIED,
    ESCALATED,
    REPEATED,
    ACKNOWLEDGED,
    NOTE,
    REASSIGNED,
    RESOLVED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
