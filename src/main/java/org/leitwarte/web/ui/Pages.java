package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.user.Role;
import org.leitwarte.web.Language;
import org.leitwarte.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every page shares: the frame (header, navigation, language switch), the headers, 404 and 500. */
final class Pages {

  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter GERMAN_TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm", Locale.GERMAN).withZone(ZONE);
  private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZONE);

  private final Templates templates;
  private final boolean tickets;
  private final boolean audit;

  /**
   * @param tickets whether tickets are set up: then the navigation and the alerts offer them
   * @param audit whether the audit log is readable: then the navigation offers it to administrators
   */
  Pages(Templates templates, boolean tickets, boolean audit) {
    this.templates = templates;
    this.tickets = tickets;
    this.audit = audit;
  }

  /**
   * Renders {@code template} as the answer, with {@code title} and the frame's variables: {@code nav_*}
   * marks the current section, {@code q} / {@code qa} carry a chosen language into links.
   */
  void send(RoutingContext context, int status, String template, String section, String title, Map<String, Object> model) {
    Messages messages = UiRequest.messages(context);
    Map<String, Object> all = new HashMap<>(model);
    all.put("title", title);
    all.put("user", UiRequest.principal(context).user());
    all.put("csrfField", UiRequest.csrfField(context));
    all.put("nav_board", "board".equals(section));
    all.put("nav_incidents", "incidents".equals(section));
    all.put("nav_tickets", "tickets".equals(section));
    all.put("tickets_on", tickets);
    all.put("nav_audit", "audit".equals(section));
    all.put("audit_on", audit && UiRequest.principal(context).role() == Role.ADMIN);
    all.put("q", languageQuery(context));
    all.put("lang_param", !languageQuery(context).isEmpty());
    String other = Language.ENGLISH.equals(messages.language()) ? Language.GERMAN : Language.ENGLISH;
    all.put("other_lang", other);
    all.put("other_lang_href", context.request().path() + "?lang=" + other);
    context.response()
        .setStatusCode(status)
        .putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .putHeader("x-frame-options", "DENY")
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "same-origin")
        .putHeader("content-security-policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        .end(templates.render(template, messages, all));
  }

  /** {@code ?lang=en} when the address chose a language, so that links keep it; else empty. */
  String languageQuery(RoutingContext context) {
    String requested = context.queryParams().get("lang");
    return Language.ENGLISH.equals(requested) || Language.GERMAN.equals(requested) ? "?lang=" + requested : "";
  }

  /** The same page for what does not exist and for what belongs to another tenant. */
  void notFound(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    send(context, 404, "message", "", messages.text("ui.notfound.title"), Map.of("text", messages.text("ui.notfound.text")));
  }

  /** Answers with the page {@code rendering} builds, or the 404 page, or a 500 page (logged once, here). */
  void answer(RoutingContext context, Future<?> rendering) {
    rendering.onFailure(failure -> {
      if (context.response().ended()) {
        return;
      }
      if (failure instanceof NotFoundException) {
        notFound(context);
        return;
      }
      LOG.warn("Page {} failed: {}", context.request().path(), failure.toString(), failure);
      Messages messages = UiRequest.messages(context);
      send(context, 500, "message", "", messages.text("ui.error.title"), Map.of("text", messages.text("ui.error.text")));
    });
  }

  static String time(Instant at, Messages messages) {
    return (Language.ENGLISH.equals(messages.language()) ? ENGLISH_TIME : GERMAN_TIME).format(at);
  }

  /** A time as the template shows it: {@code iso} for {@code <time datetime>}, {@code text} for people. */
  static Map<String, Object> when(Instant at, Messages messages) {
    return Map.of("iso", at.toString(), "text", time(at, messages));
  }
}
