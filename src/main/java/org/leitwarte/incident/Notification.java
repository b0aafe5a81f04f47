package org.leitwarte.incident;

import java.net.URI;
import java.util.List;
import org.leitwarte.alerting.Alert;

/**
 * One message to one person about one incident, before it is rendered for a channel.
 *
 * @param alerts the incident's alerts now (firing first), for the text: what is wrong since when
 * @param level the escalation level (1 = first), 0 for messages outside escalation (resolved)
 * @param acknowledgeLink the signed, expiring one-click link for this person and incident
 */
public record Notification(Incident incident, List<Alert> alerts, Person recipient, Kind kind, int level, URI acknowledgeLink) {

  public Notification {
    alerts = List.copyOf(alerts);
  }

  public enum Kind {
    /** A new incident, first level. */
    TRIGGERED,
    /** Nobody acknowledged in time: a later level (or a repeat from the top). */
    ESCALATED,
    /** Still firing and unacknowledged after the route's {@code repeat_interval}. */
    REPEATED,
    /** Over: for those who were told about it. */
    RESOLVED
  }
}
