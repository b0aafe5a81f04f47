package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.notify.NotificationTexts.Format;

/**
 * E-mail through the configured SMTP server (Vert.x mail client): a plain-text part and a simple HTML
 * part, the incident reference in the subject and in the message ids, so that replies thread; each
 * Message-ID is signed for its recipient ({@link ReplyTokens}), so that {@link ImapReplyPoller} takes
 * only replies to mail really sent to that person.
 */
public final class EmailChannel implements Channel {

  private final LeitwarteConfig.Notify.Email config;
  private final NotificationTexts texts;
  private final boolean repliesAcknowledge;
  private final MailClient client;
  private final String domain;
  private final ReplyTokens tokens;

  /**
   * @param repliesAcknowledge whether replies are read (notify.imap is configured): the text then says
   *     that answering "ok" takes the incident
   * @param trust whom to trust for TLS besides the JVM's default trust store (an internal CA); the
   *     server's name is always verified
   * @param replyKey at least 32 bytes, the same the {@link ImapReplyPoller} verifies replies with
   */
  public EmailChannel(
      Vertx vertx, LeitwarteConfig.Notify.Email config, NotificationTexts texts, boolean repliesAcknowledge,
      Optional<TrustOptions> trust, byte[] replyKey) {
    this.tokens = new ReplyTokens(replyKey);
    this.config = config;
    this.texts = texts;
    this.repliesAcknowledge = repliesAcknowledge;
    this.client = MailClient.create(vertx, SmtpSettings.of(config, trust));
    this.domain = MailThreading.domainOf(config.from());
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Optional<String> address(Person person) {
    return person.email().filter(email -> !email.isBlank());
  }

  @Override
  public Future<String> deliver(Envelope envelope) {
    Optional<String> to = address(envelope.recipient());
    if (to.isEmpty()) {
      return Future.failedFuture(DeliveryFailure.permanentFailure("no e-mail address"));
    }
    MailMessage message;
    try {
      message = message(envelope, to.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(DeliveryFailure.permanentFailure("the e-mail could not be written: " + DeliveryFailure.describe(e)));
    }
    return client.sendMail(message)
        .map(result -> "accepted by " + config.host() + ":" + config.port() + " as " + result.getMessageID())
        .recover(error -> Future.failedFuture(failure(error)));
  }

  MailMessage message(Envelope envelope, String to) {
    Map<String, Object> extras = Map.of("replyAcknowledges", repliesAcknowledge);
    String reference = envelope.reference();
    String root = MailThreading.rootId(reference, domain);
    MailMessage message = new MailMessage()
        .setFrom(config.from())
        .setTo(to)
        .setSubject(texts.render(Format.SUBJECT, envelope, extras))
        .setText(texts.render(Format.TEXT, envelope, extras))
        .setHtml(texts.render(Format.EMAIL_HTML, envelope, extras));
    message.addHeader("Message-ID", tokens.messageId(reference, envelope.recipient().id(), domain));
    message.addHeader("In-Reply-To", root);
    message.addHeader("References", root);
    message.addHeader("X-Leitwarte-Incident", reference);
    // RFC 3834: no vacation replies to a page (they would also land in the reply mailbox).
    message.addHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  /** An SMTP 5xx reply is permanent (unknown mailbox, refused sender); anything else may pass later. */
  private DeliveryFailure failure(Throwable error) {
    if (error instanceof SMTPException smtp) {
      String reply = "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage();
      return smtp.isPermanent() ? DeliveryFailure.permanentFailure(reply) : DeliveryFailure.transientFailure(reply);
    }
    return DeliveryFailure.transientFailure(config.host() + ":" + config.port() + ": " + DeliveryFailure.describe(error), error);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
