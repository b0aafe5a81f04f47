package org.leitwarte.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.leitwarte.incident.link.LinkAcknowledgement;
import org.leitwarte.incident.link.LinkAcknowledgement.Outcome;

/**
 * The pages behind the one-click links in notifications: {@code GET /ack/<token>} shows what the link
 * would do and a button, {@code POST /ack/<token>} acknowledges. German unless the browser (or
 * {@code ?lang=en}) asks for English.
 */
final class AcknowledgePages {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d.M.yyyy HH:mm", Locale.GERMAN).withZone(ZoneId.of("Europe/Berlin"));

  private final LinkAcknowledgement links;
  private final Function<String, String> personName;

  AcknowledgePages(LinkAcknowledgement links, Function<String, String> personName) {
    this.links = links;
    this.personName = personName;
  }

  void mount(Router router) {
    router.get("/ack/:token").handler(this::look);
    router.post("/ack/:token").handler(this::acknowledge);
  }

  private void look(RoutingContext ctx) {
    links.look(ctx.pathParam("token")).onComplete(done -> render(ctx, done.succeeded() ? done.result() : null));
  }

  private void acknowledge(RoutingContext ctx) {
    links.acknowledge(ctx.pathParam("token")).onComplete(done -> render(ctx, done.succeeded() ? done.result() : null));
  }

  private void render(RoutingContext ctx, Outcome outcome) {
    if (outcome == null) {
      ctx.fail(500);
      return;
    }
    Messages messages = Messages.of(Language.of(ctx));
    int status = 200;
    String title;
    String text;
    String button = null;
    if (outcome instanceof Outcome.Confirm confirm) {
      String reference = confirm.incident().reference();
      title = messages.text("ack.confirm.title", reference);
      text = messages.text("ack.confirm.text", reference, confirm.incident().title(), personName.apply(confirm.person()));
      button = messages.text("ack.confirm.button", reference);
    } else if (outcome instanceof Outcome.Acknowledged done) {
      title = messages.text("ack.done.title", done.incident().reference());
      text = messages.text("ack.done.text");
    } else if (outcome instanceof Outcome.AlreadyAcknowledged already) {
      status = 409;
      title = messages.text("ack.already.title", already.incident().reference());
      text = messages.text("ack.already.text", already.incident().acknowledgedBy().map(personName)
          .orElse(messages.text("ack.nobody")));
    } else if (outcome instanceof Outcome.AlreadyResolved resolved) {
      status = 409;
      title = messages.text("ack.resolved.title", resolved.incident().reference());
      text = messages.text("ack.resolved.text");
    } else if (outcome instanceof Outcome.Used) {
      status = 409;
      title = messages.text("ack.used.title");
      text = messages.text("ack.used.text");
    } else if (outcome instanceof Outcome.Expired expired) {
      status = 410;
      title = messages.text("ack.expired.title");
      text = messages.text("ack.expired.text", WHEN.format(expired.expiredAt()));
    } else if (outcome instanceof Outcome.NotFound) {
      status = 404;
      title = messages.text("ack.notfound.title");
      text = messages.text("ack.notfound.text");
    } else {
      status = 403;
      title = messages.text("ack.invalid.title");
      text = messages.text("ack.invalid.text");
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("cache-control", "no-store")
        // The token is in the address: never hand it on to another site.
        .putHeader("referrer-policy", "no-referrer")
        .putHeader("x-frame-options", "DENY")
        .putHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        .end(Html.page(messages.language(), title, text, button));
  }
}
