package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.config.LeitwarteConfig.Notify.Email;
import org.leitwarte.config.LeitwarteConfig.Notify.Imap;
import org.leitwarte.config.LeitwarteConfig.Notify.StartTls;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.Acknowledger;
import org.leitwarte.incident.Notification.Kind;
import org.leitwarte.incident.Person;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.Await;

class ImapReplyPollerTest {

  /** One acknowledgement as the poller asked for it. */
  record Call(long incident, String person, String channel) {}

  private final MailServer mail = new MailServer();
  private final Vertx vertx = Vertx.vertx();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicBoolean storeAway = new AtomicBoolean();
  private final Acknowledger acknowledger = (incident, person, channel) -> {
    if (storeAway.get()) {
      return Future.failedFuture(new IllegalStateException("store unavailable"));
    }
    calls.add(new Call(incident, person, channel));
    return Future.succeededFuture(Acknowledger.Outcome.ACKNOWLEDGED);
  };
  private final Person martina = Fixtures.german("m.mueller@kdo.example");
  private final Person john = Fixtures.english("j.smith@kdo.example");
  private final ReplyTokens tokens = new ReplyTokens(ReplyTokensTest.KEY);
  private ImapReplyPoller poller = poller(MailServer.PASSWORD);

  @AfterEach
  void stop() {
    Await.result(poller.stop());
    Await.result(vertx.close());
    mail.close();
  }

  @Test
  void reply_ok_from_the_person_acknowledges_by_email_and_is_marked_seen() throws Exception {
    deliver(reply("Martina Müller <M.Mueller@kdo.example>", "Re: [LW-7] KRITISCH – musterstadt", sentTo(martina, 7),
        "ok, ich kümmere mich\n\n> Neue Störung: LW-7\n"));

    ImapReplyPoller.PollOutcome outcome = Await.result(poller.pollOnce());

    assertThat(outcome).isEqualTo(new ImapReplyPoller.PollOutcome(1, 1));
    assertThat(calls).containsExactly(new Call(7, "mmueller", "email"));
    assertThat(seen()).containsExactly(true);
    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(0, 0));
    assertThat(calls).hasSize(1);
  }

  @Test
  void answering_a_sent_notification_in_a_mail_program_acknowledges_its_incident() throws Exception {
    MimeMessage answer = answer(notify(martina, 42), "m.mueller@kdo.example");
    assertThat(answer.getHeader("In-Reply-To", null)).startsWith("<LW-42.");
    deliver(answer);

    Await.result(poller.pollOnce());

    assertThat(calls).containsExactly(new Call(42, "mmueller", "email"));
  }

  @Test
  void mail_program_that_keeps_only_references_still_acknowledges() throws Exception {
    MimeMessage answer = answer(notify(martina, 42), "m.mueller@kdo.example");
    answer.removeHeader("In-Reply-To");
    answer.saveChanges();
    assertThat(answer.getHeader("References", null)).contains("<LW-42@kdo.example>", "<LW-42.");
    deliver(answer);

    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(1, 1));
    assertThat(calls).containsExactly(new Call(42, "mmueller", "email"));
  }

  @Test
  void same_reply_with_the_forged_sender_of_another_person_acknowledges_nothing() throws Exception {
    // Leitwarte paged John; someone answers his mail claiming to be Martina.
    deliver(answer(notify(john, 42), "m.mueller@kdo.example"));

    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(1, 0));
    assertThat(calls).isEmpty();
    assertThat(seen()).containsExactly(true);
  }

  @Test
  void forged_mail_naming_the_incident_only_in_subject_or_thread_root_acknowledges_nothing() throws Exception {
    deliver(reply("m.mueller@kdo.example", "Re: [LW-42] KRITISCH", null, "ok\n"));
    deliver(reply("m.mueller@kdo.example", "Re: [LW-42] KRITISCH", "<LW-42@kdo.example>", "ok\n"));

    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(2, 0));
    assertThat(calls).isEmpty();
    assertThat(seen()).containsExactly(true, true);
  }

  @Test
  void signed_id_decides_the_incident_whatever_the_subject_says() throws Exception {
    deliver(reply("m.mueller@kdo.example", "Re: [LW-99]", sentTo(martina, 7), "ACK\n"));

    Await.result(poller.pollOnce());

    assertThat(calls).containsExactly(new Call(7, "mmueller", "email"));
  }

  @Test
  void reply_without_ack_and_reply_from_a_stranger_acknowledge_nothing() throws Exception {
    deliver(reply("m.mueller@kdo.example", "Re: [LW-7] KRITISCH", sentTo(martina, 7), "Bin gleich da, schaue es mir an.\n"));
    deliver(reply("someone@elsewhere.example", "Re: [LW-7] KRITISCH", sentTo(martina, 7), "ok\n"));

    ImapReplyPoller.PollOutcome outcome = Await.result(poller.pollOnce());

    assertThat(outcome).isEqualTo(new ImapReplyPoller.PollOutcome(2, 0));
    assertThat(calls).isEmpty();
    assertThat(seen()).containsExactly(true, true);
  }

  @Test
  void mail_that_names_no_incident_is_left_unread_and_read_only_once() throws Exception {
    deliver(reply("m.mueller@kdo.example", "Mittagessen?", null, "ok?\n"));

    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(0, 0));
    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(0, 0));

    assertThat(calls).isEmpty();
    assertThat(seen()).containsExactly(false);
  }

  @Test
  void reply_stays_unread_while_the_acknowledgement_cannot_be_taken_and_counts_later() throws Exception {
    deliver(reply("m.mueller@kdo.example", "Re: [LW-7]", sentTo(martina, 7), "ACK\n"));
    storeAway.set(true);

    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(1, 0));
    assertThat(seen()).containsExactly(false);

    storeAway.set(false);
    assertThat(Await.result(poller.pollOnce())).isEqualTo(new ImapReplyPoller.PollOutcome(1, 1));
    assertThat(calls).containsExactly(new Call(7, "mmueller", "email"));
    assertThat(seen()).containsExactly(true);
  }

  @Test
  void started_poller_acknowledges_replies_as_they_come() throws Exception {
    poller.start();
    deliver(reply("m.mueller@kdo.example", "AW: [LW-11] Eskaliert", sentTo(martina, 11), "Ok\n"));

    Eventually.until("LW-11 acknowledged", Duration.ofSeconds(20), () -> calls.contains(new Call(11, "mmueller", "email")));
  }

  @Test
  void refused_login_fails_the_poll_with_the_servers_answer() {
    poller = poller("wrong");

    Throwable failure = Await.failure(poller.pollOnce());

    assertThat(failure).hasMessageContaining("IMAP login as " + MailServer.USER).hasMessageContaining("refused");
  }

  private ImapReplyPoller poller(String password) {
    Imap config = new Imap("127.0.0.1", mail.imapPort, false, MailServer.USER, Secret.of(password), "INBOX", Duration.ofMillis(200));
    return new ImapReplyPoller(vertx, config, ImapReplyPoller.byEmail(List.of(martina, john)), acknowledger, ReplyTokensTest.KEY);
  }

  /** The Message-ID of a mail Leitwarte sent to {@code person} about LW-{@code incident}. */
  private String sentTo(Person person, long incident) {
    return tokens.messageId("LW-" + incident, person.id(), "kdo.example");
  }

  /** Sends a real notification through SMTP, as the service does, and returns it as received. */
  private MimeMessage notify(Person person, long incident) {
    EmailChannel email = new EmailChannel(vertx, new Email("127.0.0.1", mail.smtpPort,
        false, StartTls.DISABLED, Optional.empty(), Optional.empty(),
        "Leitwarte <leitwarte@kdo.example>"), new NotificationTexts(Fixtures.CLOCK), true, Optional.empty(), ReplyTokensTest.KEY);
    Await.result(email.deliver(Fixtures.envelope(incident, person, Kind.TRIGGERED)));
    Await.result(email.close());
    return mail.greenMail.getReceivedMessagesForDomain("kdo.example")[0];
  }

  /** What a mail program makes of "Reply": threading headers from {@code sent}, "OK" above the quote. */
  private static MimeMessage answer(MimeMessage sent, String from) throws MessagingException {
    MimeMessage answer = (MimeMessage) sent.reply(false);
    answer.setFrom(new InternetAddress(from));
    answer.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.USER));
    answer.setText("OK, übernehme ich.\n\n" + Mails.part(sent, "text/plain").lines().map(line -> "> " + line)
        .reduce("", (a, b) -> a + b + "\n"), "UTF-8");
    answer.saveChanges();
    return answer;
  }

  private static MimeMessage reply(String from, String subject, String inReplyTo, String text) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.USER));
    message.setSubject(subject, "UTF-8");
    if (inReplyTo != null) {
      message.setHeader("In-Reply-To", inReplyTo);
      message.setHeader("References", inReplyTo);
    }
    message.setText(text, "UTF-8");
    message.saveChanges();
    return message;
  }

  private void deliver(MimeMessage message) {
    user().deliver(message);
  }

  private GreenMailUser user() {
    return mail.greenMail.getUserManager().getUser(MailServer.USER);
  }

  private List<Boolean> seen() throws Exception {
    MailFolder inbox = mail.greenMail.getManagers().getImapHostManager().getInbox(user());
    return inbox.getMessages().stream().map((StoredMessage message) -> message.isSet(Flags.Flag.SEEN)).toList();
  }

}
