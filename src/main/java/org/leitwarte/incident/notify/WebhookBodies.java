package org.leitwarte.incident.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import org.leitwarte.alerting.Alert;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.notify.NotificationTexts.Format;

/** The JSON a webhook of each format receives. */
final class WebhookBodies {

  private final NotificationTexts texts;

  WebhookBodies(NotificationTexts texts) {
    this.texts = texts;
  }

  JsonObject body(WebhookFormat format, Envelope envelope, Instant now) {
    return switch (format) {
      case TEAMS -> new JsonObject(texts.render(Format.TEAMS, envelope));
      case MATRIX -> new JsonObject()
          .put("text", texts.render(Format.TEXT, envelope))
          .put("html", texts.render(Format.HTML, envelope));
      case SLACK -> new JsonObject().put("text", texts.render(Format.SLACK, envelope));
      case JSON -> generic(envelope, now);
    };
  }

  /**
   * Everything a receiving system may want, in stable snake_case names ({@code version} 1), plus the
   * rendered texts in the recipient's language.
   */
  JsonObject generic(Envelope envelope, Instant now) {
    Notification notification = envelope.notification();
    Incident incident = notification.incident();
    String language = Language.of(notification.recipient());
    JsonArray alerts = new JsonArray();
    JsonArray runbooks = new JsonArray();
    for (Alert alert : notification.alerts()) {
      Optional<String> runbook = MessageModel.annotation(alert, "runbook", language);
      runbook.filter(link -> !runbooks.contains(link)).ifPresent(runbooks::add);
      alerts.add(new JsonObject()
          .put("id", alert.id())
          .put("rule", alert.rule())
          .put("severity", alert.severity().label())
          .put("state", alert.state().label())
          .put("labels", new JsonObject(new HashMap<>(alert.labels())))
          .put("summary", MessageModel.summary(alert, language))
          .put("description", MessageModel.annotation(alert, "description", language).orElse(null))
          .put("runbook", runbook.orElse(null))
          .put("active_since", alert.activeSince().toString())
          .put("since", alert.since().toString())
          .put("value", alert.value().orElse(null)));
    }
    JsonObject links = new JsonObject().put("runbooks", runbooks);
    if (notification.kind() != Notification.Kind.RESOLVED && notification.acknowledgeLink() != null) {
      links.put("acknowledge", notification.acknowledgeLink().toString());
    }
    return new JsonObject()
        .put("version", 1)
        .put("kind", notification.kind().name().toLowerCase(Locale.ROOT))
        .put("reference", incident.reference())
        .put("level", notification.level())
        .put("sent_at", now.toString())
        .put("suppressed_before", envelope.suppressedBefore())
        .put("recipient", new JsonObject()
            .put("id", notification.recipient().id())
            .put("name", notification.recipient().name())
            .put("language", language))
        .put("incident", incident(incident))
        .put("alerts", alerts)
        .put("links", links)
        .put("subject", texts.render(Format.SUBJECT, envelope))
        .put("text", texts.render(Format.TEXT, envelope));
  }

  private static JsonObject incident(Incident incident) {
    return new JsonObject()
        .put("id", incident.id())
        .put("reference", incident.reference())
        .put("title", incident.title())
        .put("state", incident.state().label())
        .put("severity", incident.severity())
        .put("team", incident.team())
        .put("policy", incident.policy())
        .put("tenant", incident.tenant())
        .put("group_labels", new JsonObject(new HashMap<>(incident.groupLabels())))
        .put("created_at", String.valueOf(incident.createdAt()))
        .put("updated_at", String.valueOf(incident.updatedAt()))
        .put("acknowledged_by", incident.acknowledgedBy().orElse(null))
        .put("acknowledged_at", incident.acknowledgedAt().map(Instant::toString).orElse(null))
        .put("assignee", incident.assignee().orElse(null))
        .put("resolved_at", incident.resolvedAt().map(Instant::toString).orElse(null))
        .put("alerts", incident.alerts())
        .put("firing_alerts", incident.firingAlerts());
  }
}
