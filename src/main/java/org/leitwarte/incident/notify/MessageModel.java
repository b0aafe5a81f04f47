package org.leitwarte.incident.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.Notification;

/**
 * What the message templates see, built from an envelope: plain values and flags, every text already
 * in the recipient's language, every time already local and readable. The templates decide the words.
 */
final class MessageModel {

  /** More alerts than this are counted, not listed: a message must stay readable on a phone. */
  static final int MAX_LISTED_ALERTS = 20;

  private static final int MAX_NAMED_DEVICES = 5;

  private static final Comparator<Alert> FIRING_FIRST = Comparator
      .comparingInt((Alert alert) -> switch (alert.state()) {
        case FIRING -> 0;
        case PENDING -> 1;
        case RESOLVED -> 2;
      })
      .thenComparing(Alert::activeSince);

  private MessageModel() {}

  static Map<String, Object> of(Envelope envelope, Instant now) {
    return of(envelope, now, PlaceNames.NONE);
  }

  static Map<String, Object> of(Envelope envelope, Instant now, PlaceNames names) {
    Notification notification = envelope.notification();
    Incident incident = notification.incident();
    String language = Language.of(notification.recipient());
    List<Alert> alerts = notification.alerts().stream().sorted(FIRING_FIRST).toList();

    Map<String, Object> model = new HashMap<>();
    model.put("language", language);
    model.put("reference", incident.reference());
    model.put("title", incident.title());
    model.put("team", nullToEmpty(incident.team()));
    model.put("recipientName", notification.recipient().name());
    model.put("kind", Map.of(
        "triggered", notification.kind() == Notification.Kind.TRIGGERED,
        "escalated", notification.kind() == Notification.Kind.ESCALATED,
        "repeated", notification.kind() == Notification.Kind.REPEATED,
        "resolved", notification.kind() == Notification.Kind.RESOLVED));
    model.put("level", notification.level());
    model.put("hasLevel", notification.level() > 0 && notification.kind() != Notification.Kind.RESOLVED);
    String severity = nullToEmpty(incident.severity());
    model.put("severity", severity);
    model.put("sev", Map.of(
        "critical", severity.equals("critical"),
        "warning", severity.equals("warning"),
        "info", severity.equals("info"),
        "other", !List.of("critical", "warning", "info").contains(severity)));

    model.put("tenant", named(place(incident, "tenant", alerts, Alert::tenant, 1), names::tenant));
    model.put("site", named(place(incident, "site", alerts, alert -> alert.labels().getOrDefault("site", ""), 3), names::site));
    model.put("device", place(incident, "device", alerts, Alert::device, MAX_NAMED_DEVICES));

    List<Map<String, Object>> listed = new ArrayList<>();
    for (Alert alert : alerts.subList(0, Math.min(alerts.size(), MAX_LISTED_ALERTS))) {
      listed.add(alert(alert, language, now));
    }
    model.put("alerts", listed);
    model.put("hiddenAlerts", Math.max(0, alerts.size() - MAX_LISTED_ALERTS));
    long firing = alerts.stream().filter(alert -> alert.state() == AlertState.FIRING).count();
    model.put("firingCount", firing);
    model.put("alertCount", alerts.size());
    model.put("otherAlerts", Math.max(0, alerts.size() - 1));

    String headline = alerts.isEmpty() ? incident.title() : summary(alerts.get(0), language);
    model.put("headline", headline.isBlank() ? incident.title() : headline);
    Instant since = alerts.isEmpty() ? incident.createdAt() : alerts.get(0).activeSince();
    model.put("since", since == null ? "" : HumanTime.at(since, language));
    model.put("sinceBrief", since == null ? "" : HumanTime.brief(since, now, language));
    model.put("ago", since == null ? "" : HumanTime.ago(since, now, language));

    Set<String> runbooks = new LinkedHashSet<>();
    alerts.forEach(alert -> annotation(alert, "runbook", language).filter(MessageModel::isWebLink).ifPresent(runbooks::add));
    model.put("runbooks", runbooks.stream().map(url -> Map.of("url", url)).toList());
    model.put("hasRunbooks", !runbooks.isEmpty());

    boolean acknowledgeable = notification.kind() != Notification.Kind.RESOLVED && notification.acknowledgeLink() != null;
    model.put("hasAck", acknowledgeable);
    model.put("ackLink", acknowledgeable ? notification.acknowledgeLink().toString() : "");

    int suppressed = envelope.suppressedBefore();
    model.put("suppressed", suppressed);
    model.put("suppressedOne", suppressed == 1);
    model.put("suppressedMany", suppressed > 1);
    model.put("replyAcknowledges", false);
    return model;
  }

  /** One alert's line: its summary in the language, since when, and its runbook. */
  private static Map<String, Object> alert(Alert alert, String language, Instant now) {
    Map<String, Object> line = new HashMap<>();
    line.put("summary", summary(alert, language));
    line.put("description", annotation(alert, "description", language).orElse(""));
    line.put("runbook", annotation(alert, "runbook", language).filter(MessageModel::isWebLink).orElse(""));
    line.put("firing", alert.state() == AlertState.FIRING);
    line.put("pending", alert.state() == AlertState.PENDING);
    line.put("over", alert.state() == AlertState.RESOLVED);
    line.put("since", HumanTime.at(alert.activeSince(), language));
    line.put("sinceBrief", HumanTime.brief(alert.activeSince(), now, language));
    line.put("ago", HumanTime.ago(alert.activeSince(), now, language));
    line.put("endedAt", alert.state() == AlertState.RESOLVED ? HumanTime.at(alert.since(), language) : "");
    line.put("severity", alert.severity().label());
    line.put("device", alert.device());
    return line;
  }

  /** The summary in the language; else in German; else the rule and the device. */
  static String summary(Alert alert, String language) {
    return annotation(alert, "summary", language)
        .orElseGet(() -> alert.device().isEmpty() ? alert.rule() : alert.rule() + " (" + alert.device() + ")");
  }

  static Optional<String> annotation(Alert alert, String name, String language) {
    for (String candidate : List.of(language, Language.GERMAN, Language.ENGLISH)) {
      String text = alert.annotations().getOrDefault(candidate, Map.of()).get(name);
      if (text != null && !text.isBlank()) {
        return Optional.of(text.strip());
      }
    }
    return Optional.empty();
  }

  /**
   * The tenant, site or device: from the incident's group labels when it is grouped by it, else the
   * distinct values of its alerts, a few named and the rest counted.
   */
  private static String place(Incident incident, String label, List<Alert> alerts, Function<Alert, String> value, int named) {
    if (label.equals("tenant") && incident.tenant() != null && !incident.tenant().isBlank()) {
      return incident.tenant();
    }
    String grouped = incident.groupLabels().get(label);
    if (grouped != null && !grouped.isBlank()) {
      return grouped;
    }
    List<String> values = alerts.stream().map(value).filter(text -> !text.isBlank()).distinct().toList();
    if (values.size() <= named) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, named)) + " (+" + (values.size() - named) + ")";
  }

  /** A single id becomes its name; a list of several stays as it is. */
  private static String named(String place, Function<String, Optional<String>> name) {
    return place.isBlank() || place.contains(", ") ? place : name.apply(place).orElse(place);
  }

  /** Only http(s) links become links: a runbook annotation is text from a rule file, not markup. */
  private static boolean isWebLink(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://")) && !text.contains(" ");
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
