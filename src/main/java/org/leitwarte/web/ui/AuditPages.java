package org.leitwarte.web.ui;

import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.store.AuditEntry;
import org.leitwarte.store.AuditFilter;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.user.Role;
import org.leitwarte.web.Messages;

/**
 * The audit log for administrators ({@code /audit}): a filter form and the entries, newest first. Other
 * roles get a 403 page; the log is only read here, never changed.
 */
final class AuditPages {

  /** The form's times are wall-clock times where the cooperative works. */
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final Pages pages;
  private final Optional<AuditQueries> audit;

  AuditPages(Pages pages, Optional<AuditQueries> audit) {
    this.pages = pages;
    this.audit = audit;
  }

  void list(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    if (audit.isEmpty()) {
      pages.send(context, 503, "message", "audit", messages.text("ui.audit.unavailable.title"),
          Map.of("text", messages.text("ui.audit.unavailable.text")));
      return;
    }
    if (UiRequest.principal(context).role() != Role.ADMIN) {
      pages.send(context, 403, "message", "audit", messages.text("ui.audit.forbidden.title"),
          Map.of("text", messages.text("ui.audit.forbidden.text")));
      return;
    }
    Map<String, Object> model = new HashMap<>();
    Optional<String> action = parameter(context, "action");
    Optional<String> actor = parameter(context, "actor");
    Optional<String> subject = parameter(context, "subject");
    Optional<String> since = parameter(context, "since");
    Optional<String> until = parameter(context, "until");
    model.put("action", action.orElse(""));
    model.put("actor", actor.orElse(""));
    model.put("subject", subject.orElse(""));
    model.put("since", since.orElse(""));
    model.put("until", until.orElse(""));
    AuditFilter filter;
    try {
      filter = new AuditFilter(action, actor, subject, since.map(AuditPages::instant), until.map(AuditPages::instant),
          AuditFilter.DEFAULT_LIMIT);
    } catch (DateTimeException e) {
      model.put("entries", List.of());
      model.put("has_entries", false);
      model.put("problem", messages.text("ui.audit.problem.time"));
      pages.send(context, 400, "audit", "audit", messages.text("ui.audit.title"), model);
      return;
    }
    pages.answer(context, audit.get().list(filter).map(entries -> {
      model.put("entries", entries.stream().map(entry -> view(entry, messages)).toList());
      model.put("has_entries", !entries.isEmpty());
      pages.send(context, 200, "audit", "audit", messages.text("ui.audit.title"), model);
      return null;
    }));
  }

  private static Map<String, Object> view(AuditEntry entry, Messages messages) {
    return Map.of(
        "at", Pages.when(entry.at(), messages),
        "actor", entry.actor(),
        "action", entry.action(),
        "subject", entry.subject().orElse(""),
        // Shown as its JSON text: whatever it holds is escaped like every other value.
        "detail", entry.detail().isEmpty() ? "" : entry.detail().encode(),
        "address", entry.address().orElse(""));
  }

  /** {@code 2026-03-25T10:00} as a browser's datetime-local field sends it, in the cooperative's zone. */
  private static Instant instant(String text) {
    return LocalDateTime.parse(text).atZone(ZONE).toInstant();
  }

  private static Optional<String> parameter(RoutingContext context, String name) {
    return Optional.ofNullable(context.queryParams().get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }
}
