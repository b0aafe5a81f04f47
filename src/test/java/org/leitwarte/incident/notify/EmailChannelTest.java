package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.notify.Fixtures.envelope;

import io.vertx.core.Vertx;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.config.LeitwarteConfig.Notify.Email;
import org.leitwarte.config.LeitwarteConfig.Notify.StartTls;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.Notification.Kind;
import org.leitwarte.testsupport.Await;

class EmailChannelTest {

  private final MailServer mail = new MailServer();
  private final Vertx vertx = Vertx.vertx();
  private final NotificationTexts texts = new NotificationTexts(Fixtures.CLOCK);
  private EmailChannel channel;

  @AfterEach
  void stop() {
    if (channel != null) {
      Await.result(channel.close());
    }
    Await.result(vertx.close());
    mail.close();
  }

  @Test
  void german_mail_says_where_what_since_when_and_how_to_take_it() throws Exception {
    channel = plain(false);

    String detail = Await.result(channel.deliver(envelope(42, Fixtures.german("oncall@kdo.example"), Kind.TRIGGERED)));

    assertThat(detail).startsWith("accepted by 127.0.0.1:" + mail.smtpPort);
    MimeMessage received = only();
    assertThat(received.getSubject())
        .isEqualTo("[LW-42] KRITISCH – musterstadt: router-rathaus ist nicht erreichbar (+1 weitere)");
    String messageId = received.getHeader("Message-ID", null);
    assertThat(messageId).startsWith("<LW-42.").endsWith("@kdo.example>").doesNotContain("mmueller");
    assertThat(new ReplyTokens(ReplyTokensTest.KEY).answeredIncident(List.of(messageId), "mmueller")).as("signed for the recipient")
        .contains(42L);
    assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<LW-42@kdo.example>");
    assertThat(received.getHeader("References", null)).isEqualTo("<LW-42@kdo.example>");
    assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    String text = Mails.part(received, "text/plain");
    assertThat(text).contains(
        "Neue Störung: LW-42",
        "Mandant:   musterstadt",
        "Standort:  rathaus",
        "Gerät:     router-rathaus, switch-rathaus",
        "Schwere:   KRITISCH",
        "- router-rathaus ist nicht erreichbar\n  seit 14.03.2025, 03:12 Uhr (vor 25 Min.)",
        "https://wiki.example/runbooks/device_unreachable",
        "Übernehmen (bestätigen): https://leitwarte.example/ack/42?person=mmueller&sig=abc");
    assertThat(text.indexOf("router-rathaus ist nicht erreichbar\n")).isLessThan(text.indexOf("Uplink"));
    assertThat(text).doesNotContain("antworten");
  }

  @Test
  void html_part_escapes_what_alerts_say() {
    channel = plain(false);

    Await.result(channel.deliver(envelope(42, Fixtures.german("oncall@kdo.example"), Kind.TRIGGERED)));

    String html = Mails.part(only(), "text/html");
    assertThat(html).contains("Uplink &lt;Gi0/1&gt; &amp; VPN").doesNotContain("<Gi0/1>");
    assertThat(html).contains("<a href=\"https://leitwarte.example/ack/42?person&#x3D;mmueller&amp;sig&#x3D;abc\">");
  }

  @Test
  void english_person_reads_english_and_learns_that_a_reply_acknowledges() throws Exception {
    channel = plain(true);

    Await.result(channel.deliver(envelope(7, Fixtures.english("john@kdo.example"), Kind.ESCALATED)));

    MimeMessage received = only();
    assertThat(received.getSubject()).isEqualTo("[LW-7] Escalated, CRITICAL – musterstadt: router-rathaus is unreachable (+1 more)");
    assertThat(Mails.part(received, "text/plain")).contains(
        "Escalated (level 2), nobody has taken it yet: LW-7",
        "Tenant:    musterstadt",
        "Level:     2",
        "since 14 Mar 2025, 03:12 CET (25 min ago)",
        "Take it (acknowledge): https://leitwarte.example/ack/7?person=jsmith&sig=abc",
        "Or reply to this e-mail with \"ok\".");
  }

  @Test
  void resolved_mail_offers_no_acknowledge_link() {
    channel = plain(true);

    Await.result(channel.deliver(envelope(42, Fixtures.german("oncall@kdo.example"), Kind.RESOLVED)));

    MimeMessage received = only();
    assertThat(Mails.part(received, "text/plain")).contains("Behoben: LW-42", "Was war los:").doesNotContain("/ack/", "Stufe");
  }

  @Test
  void tls_with_login_delivers_over_smtps() throws Exception {
    channel = new EmailChannel(vertx, smtps(Secret.of(MailServer.PASSWORD)), texts, false, Optional.of(MailServer.trust()), ReplyTokensTest.KEY);

    Await.result(channel.deliver(envelope(42, Fixtures.german("oncall@kdo.example"), Kind.TRIGGERED)));

    assertThat(only().getSubject()).startsWith("[LW-42]");
  }

  @Test
  void wrong_password_is_a_permanent_failure_with_the_server_reply() {
    channel = new EmailChannel(vertx, smtps(Secret.of("wrong")), texts, false, Optional.of(MailServer.trust()), ReplyTokensTest.KEY);

    Throwable failure = Await.failure(channel.deliver(envelope(42, Fixtures.german("oncall@kdo.example"), Kind.TRIGGERED)));

    assertThat(failure).isInstanceOf(DeliveryFailure.class).hasMessageStartingWith("SMTP 535");
    assertThat(((DeliveryFailure) failure).permanent()).isTrue();
    assertThat(mail.greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void server_certificate_not_trusted_is_refused() {
    channel = new EmailChannel(vertx, smtps(Secret.of(MailServer.PASSWORD)), texts, false, Optional.empty(), ReplyTokensTest.KEY);

    Throwable failure = Await.failure(channel.deliver(envelope(42, Fixtures.german("oncall@kdo.example"), Kind.TRIGGERED)));

    assertThat(failure).isInstanceOf(DeliveryFailure.class).hasMessageContaining("127.0.0.1:" + mail.smtpsPort);
    assertThat(mail.greenMail.getReceivedMessages()).isEmpty();
  }

  private EmailChannel plain(boolean repliesAcknowledge) {
    Email config = new Email("127.0.0.1", mail.smtpPort, false, StartTls.OPTIONAL, Optional.empty(), Optional.empty(),
        "Leitwarte <leitwarte@kdo.example>");
    return new EmailChannel(vertx, config, texts, repliesAcknowledge, Optional.empty(), ReplyTokensTest.KEY);
  }

  private Email smtps(Secret password) {
    return new Email("127.0.0.1", mail.smtpsPort, true, StartTls.DISABLED, Optional.of(MailServer.USER), Optional.of(password),
        "Leitwarte <leitwarte@kdo.example>");
  }

  private MimeMessage only() {
    assertThat(mail.greenMail.waitForIncomingEmail(10_000, 1)).as("one mail arrived").isTrue();
    MimeMessage[] messages = mail.greenMail.getReceivedMessages();
    assertThat(messages).hasSize(1);
    return messages[0];
  }
}
