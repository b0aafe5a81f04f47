package org.leitwarte.web.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.web.Messages;

/**
 * An incident's timeline entry in the reader's language, from its kind and details (the entry's own
 * text is English, for logs): who did what, how, and a note's or comment's text as the body.
 */
final class Timeline {

  private Timeline() {}

  static Map<String, Object> entry(TimelineEntry entry, Function<String, String> personName, Messages messages) {
    String actor = entry.actor().map(personName).orElse(messages.text("ui.timeline.leitwarte"));
    String channel = entry.channel().orElse("");
    Map<String, Object> details = entry.details();
    String text = switch (entry.kind()) {
      case ALERT_ADDED, ALERT_RESOLVED -> messages.text("ui.timeline." + entry.kind().label(),
          detail(details, "rule"), detail(details, "device"));
      case NOTIFIED -> messages.text(Boolean.TRUE.equals(details.get("delivered")) ? "ui.timeline.notified" : "ui.timeline.notified.failed",
          personName.apply(detail(details, "recipient")), channel);
      case ESCALATED, REPEATED -> messages.text("ui.timeline." + entry.kind().label(), detail(details, "level"));
      case REASSIGNED -> messages.text("ui.timeline.reassigned", actor, personName.apply(detail(details, "to")), channel);
      case RESOLVED -> entry.actor().isPresent()
          ? messages.text("ui.timeline.resolved", actor, channel)
          : messages.text("ui.timeline.resolved.by.itself");
      default -> messages.text("ui.timeline." + entry.kind().label(), actor, channel);
    };
    String body = switch (entry.kind()) {
      case NOTE -> entry.text();
      case RESOLVED -> detail(details, "comment");
      default -> "";
    };
    Map<String, Object> view = new HashMap<>();
    view.put("kind", entry.kind().label());
    view.put("when", Pages.when(entry.at(), messages));
    view.put("text", text);
    view.put("body", body);
    return view;
  }

  private static String detail(Map<String, Object> details, String name) {
    Object value = details.get(name);
    return value == null ? "" : String.valueOf(value);
  }
}
