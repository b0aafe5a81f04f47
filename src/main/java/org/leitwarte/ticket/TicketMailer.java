package org.leitwarte.ticket;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import java.util.Optional;
import java.util.function.Supplier;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.notify.SmtpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a ticket's municipality contact what happened: a plain-text e-mail on every status change and
 * every comment of the cooperative's staff, in the ticket's language, through the SMTP server of {@code
 * notify.email}. Without e-mail configured, or for a ticket without contact, nothing is sent. A mail that
 * cannot be sent is logged (never with the password) and otherwise ignored: it must not undo the change.
 */
public final class TicketMailer {

  private static final Logger LOG = LoggerFactory.getLogger(TicketMailer.class);

  private final Optional<LeitwarteConfig.Notify.Email> config;
  private final Optional<MailClient> client;
  private final TicketTexts texts = new TicketTexts();

  /**
   * @param trust whom to trust for TLS besides the JVM's default trust store (an internal CA); the
   *     server's name is always verified
   */
  public TicketMailer(Vertx vertx, Optional<LeitwarteConfig.Notify.Email> config, Optional<TrustOptions> trust) {
    this.config = config;
    this.client = config.map(email -> MailClient.create(vertx, SmtpSettings.of(email, trust)));
  }

  /** Sends nothing, ever: for a service without e-mail. */
  public static TicketMailer none(Vertx vertx) {
    return new TicketMailer(vertx, Optional.empty(), Optional.empty());
  }

  /** @return succeeds always, once the mail was accepted, refused or skipped */
  Future<Void> statusChanged(Ticket ticket, TicketStatus from, String by, Optional<String> comment) {
    return send(ticket, "status change", () -> texts.statusChanged(ticket, from, by, comment.orElse("")));
  }

  /** @return succeeds always, once the mail was accepted, refused or skipped */
  Future<Void> commented(Ticket ticket, TicketComment comment) {
    return send(ticket, "comment", () -> texts.commented(ticket, comment));
  }

  private Future<Void> send(Ticket ticket, String what, Supplier<TicketTexts.Mail> render) {
    if (client.isEmpty() || ticket.contactEmail().isEmpty()) {
      LOG.debug("{} {}: no e-mail sent ({})", ticket.reference(), what,
          client.isEmpty() ? "notify.email is not configured" : "the ticket has no contact e-mail");
      return Future.succeededFuture();
    }
    LeitwarteConfig.Notify.Email email = config.get();
    String to = ticket.contactEmail().get();
    try {
      TicketTexts.Mail mail = render.get();
      MailMessage message = new MailMessage().setFrom(email.from()).setTo(to).setSubject(mail.subject()).setText(mail.text());
      message.addHeader("X-Leitwarte-Ticket", ticket.reference());
      // RFC 3834: no vacation replies to an automatic message.
      message.addHeader("Auto-Submitted", "auto-generated");
      return client.get().sendMail(message)
          .<Void>map(result -> {
            LOG.info("{} {}: mail to {} accepted by {}:{}", ticket.reference(), what, to, email.host(), email.port());
            return null;
          })
          .otherwise(error -> {
            LOG.warn("{} ({}) {}: mail to {} via {}:{} failed: {}", ticket.reference(), ticket.tenant(), what, to,
                email.host(), email.port(), String.valueOf(error.getMessage()));
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("{} {}: the mail to {} could not be written: {}", ticket.reference(), what, to, e.toString());
      return Future.succeededFuture();
    }
  }


  public Future<Void> close() {
    return client.map(MailClient::close).orElse(Future.succeededFuture());
  }
}
