package org.leitwarte.ticket;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.leitwarte.incident.notify.ResourceTemplates;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of tickets: mails to the municipality's contact and the description prefilled from an
 * alert, from the Mustache templates in {@code org/leitwarte/ticket/<language>/}. Everything is plain
 * text (no escaping: comments are shown as written, never as markup). Templates are compiled strictly
 * and cached.
 */
final class TicketTexts {

  static final String GERMAN = "de";
  static final String ENGLISH = "en";
  /** Local time of the data centre, as in the incident notifications. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final String ROOT = "/org/leitwarte/ticket/";
  private static final DateTimeFormatter GERMAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN);
  private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  /** A rendered mail: one-line subject and the text body. */
  record Mail(String subject, String text) {}

  /** The mail about a status change; {@code comment} is what the person changing it wrote, or "". */
  Mail statusChanged(Ticket ticket, TicketStatus from, String by, String comment) {
    Map<String, Object> model = model(ticket);
    model.put("statusChanged", true);
    model.put("from", Map.of(from.label(), true));
    model.put("to", Map.of(ticket.status().label(), true));
    model.put("by", by);
    model.put("comment", comment);
    return mail(ticket.language(), model);
  }

  /** The mail about a comment of the cooperative's staff. */
  Mail commented(Ticket ticket, TicketComment comment) {
    Map<String, Object> model = model(ticket);
    model.put("commented", true);
    model.put("by", comment.author());
    model.put("comment", comment.text());
    return mail(ticket.language(), model);
  }

  /**
   * The description of a ticket opened from an alert or incident: what the person wrote (if anything),
   * then what the alert said.
   *
   * @param alertId the alert's id, or "" when opened from an incident
   * @param incident the incident's reference ({@code LW-42}), or ""
   */
  String description(String language, String written, String alertId, String incident, String device, AlertContext context) {
    Map<String, Object> model = new HashMap<>();
    model.put("written", written);
    model.put("alertId", alertId);
    model.put("incident", incident);
    model.put("device", device);
    model.put("summary", context.summary());
    model.put("since", time(context.since(), language));
    model.put("rule", context.rule().orElse(""));
    return ResourceTemplates.tidy(execute(language, "description", model));
  }

  static String time(Instant instant, String language) {
    return (ENGLISH.equals(language) ? ENGLISH_TIME : GERMAN_TIME).format(instant.atZone(ZONE));
  }

  private Mail mail(String language, Map<String, Object> model) {
    return new Mail(ResourceTemplates.oneLine(execute(language, "subject", model)), ResourceTemplates.tidy(execute(language, "text", model)));
  }

  private static Map<String, Object> model(Ticket ticket) {
    Map<String, Object> model = new HashMap<>();
    model.put("reference", ticket.reference());
    model.put("title", ticket.title());
    model.put("tenant", ticket.tenant());
    model.put("status", Map.of(ticket.status().label(), true));
    model.put("device", ticket.device().orElse(""));
    model.put("statusChanged", false);
    model.put("commented", false);
    return model;
  }

  private String execute(String language, String name, Map<String, Object> model) {
    String chosen = ENGLISH.equals(language) ? ENGLISH : GERMAN;
    return templates.computeIfAbsent(chosen + "/" + name, key -> compile(chosen, name)).execute(model);
  }

  private static Template compile(String language, String name) {
    return ResourceTemplates.compile(Mustache.compiler().withEscaper(Escapers.NONE).emptyStringIsFalse(true),
        ROOT, language, name, "ticket template");
  }
}
