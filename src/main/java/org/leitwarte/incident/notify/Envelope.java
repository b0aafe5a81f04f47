package org.leitwarte.incident.notify;

import java.util.Objects;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Person;

/**
 * A notification as it goes out on a channel.
 *
 * @param suppressedBefore how many notifications to this person the rate limit held back since the
 *     last one that went out; the text says so
 */
public record Envelope(Notification notification, int suppressedBefore) {

  public Envelope {
    Objects.requireNonNull(notification, "notification");
    if (suppressedBefore < 0) {
      throw new IllegalArgumentException("suppressedBefore must not be negative");
    }
  }

  public Person recipient() {
    return notification.recipient();
  }

  /** {@code LW-42}. */
  public String reference() {
    return notification.incident().reference();
  }
}
