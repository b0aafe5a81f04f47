package org.leitwarte.collect.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.VsftpdServer;

/**
 * SMTP, IMAP and POP3 checks against GreenMail (plain and with TLS from the start), FTP against a real
 * vsftpd, and servers that greet wrongly or not at all.
 */
class MailCheckTest {

  private static CheckRun checks;
  private static GreenMail mail;
  private static VsftpdServer ftp;
  private static int smtp, imap, pop3, smtps, imaps, pop3s;

  @BeforeAll
  static void start() {
    checks = new CheckRun();
    smtp = FreePorts.tcp();
    imap = FreePorts.tcp();
    pop3 = FreePorts.tcp();
    smtps = FreePorts.tcp();
    imaps = FreePorts.tcp();
    pop3s = FreePorts.tcp();
    mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
        new ServerSetup(pop3, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
        new ServerSetup(smtps, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
        new ServerSetup(imaps, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
        new ServerSetup(pop3s, "127.0.0.1", ServerSetup.PROTOCOL_POP3S)});
    mail.start();
    ftp = VsftpdServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    ftp.close();
    mail.stop();
    checks.close();
  }

  @Test
  void an_smtp_server_passes_with_its_reply_code_and_greeting() throws Exception {
    Sample sample = checks.run(CheckRun.check("mail", Kind.SMTP, smtp));

    assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
    assertThat(sample.field("reply_code")).isEqualTo(220L);
    assertThat((String) sample.field("message")).startsWith("220 ");
    assertThat(sample.tags()).containsEntry("kind", "smtp").containsEntry("target", "127.0.0.1:" + smtp);
    assertThat(sample.fields()).doesNotContainKey("cert_days_left");
  }

  @Test
  void imap_and_pop3_servers_pass_with_their_greetings() throws Exception {
    Sample imapSample = checks.run(CheckRun.check("postfach", Kind.IMAP, imap));
    Sample pop3Sample = checks.run(CheckRun.check("abruf", Kind.POP3, pop3));

    assertThat(imapSample.field("ok")).as(String.valueOf(imapSample.field("message"))).isEqualTo(1L);
    assertThat((String) imapSample.field("message")).startsWith("* OK");
    assertThat(pop3Sample.field("ok")).as(String.valueOf(pop3Sample.field("message"))).isEqualTo(1L);
    assertThat((String) pop3Sample.field("message")).startsWith("+OK");
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"SMTP", "IMAP", "POP3"})
  void implicit_tls_passes_and_reports_the_days_the_certificate_has_left(Kind kind) throws Exception {
    int port = switch (kind) {
      case SMTP -> smtps;
      case IMAP -> imaps;
      default -> pop3s;
    };
    Sample sample = checks.run(CheckRun.check("sicher", kind, port, Tls.IMPLICIT, false));

    assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
    assertThat((Double) sample.field("cert_days_left")).isNotNull();
  }

  @Test
  void an_untrusted_certificate_fails_a_verifying_check_but_its_days_are_still_reported() throws Exception {
    Sample sample = checks.run(CheckRun.check("sicher", Kind.SMTP, smtps, Tls.IMPLICIT, true));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat((String) sample.field("message")).startsWith("TLS failed");
    assertThat(sample.fields()).containsKey("cert_days_left");
  }

  @Test
  void an_ftp_server_passes_with_its_banner() throws Exception {
    Sample sample = checks.run(CheckRun.check("dateiablage", Kind.FTP, ftp.port()));

    assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
    assertThat(sample.field("reply_code")).isEqualTo(220L);
    assertThat((String) sample.field("message")).contains(VsftpdServer.BANNER);
  }

  @Test
  void ftp_with_auth_tls_passes_and_reports_the_days_its_certificate_has_left() throws Exception {
    try (VsftpdServer secured = VsftpdServer.startWithTls(10)) {
      Sample sample = checks.run(CheckRun.check("dateiablage", Kind.FTP, secured.port(), Tls.STARTTLS, false));

      assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
      assertThat(sample.field("reply_code")).isEqualTo(220L);
      assertThat((Double) sample.field("cert_days_left")).isCloseTo(10.0, within(0.02));
    }
  }

  @Test
  void starttls_fails_on_a_server_that_does_not_offer_it() throws Exception {
    Sample sample = checks.run(CheckRun.check("mail", Kind.SMTP, smtp, Tls.STARTTLS, false));
    Sample ftpSample = checks.run(CheckRun.check("dateiablage", Kind.FTP, ftp.port(), Tls.STARTTLS, false));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat((String) sample.field("message")).startsWith("STARTTLS refused");
    assertThat(ftpSample.field("ok")).isEqualTo(0L);
    assertThat(ftpSample.fields()).doesNotContainKey("cert_days_left");
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"SMTP", "FTP", "IMAP", "POP3"})
  void a_server_that_accepts_and_says_nothing_times_out(Kind kind) throws Exception {
    try (SilentServer silent = SilentServer.silent()) {
      long started = System.nanoTime();
      Sample sample = checks.run(CheckRun.check("stumm", kind, silent.port()));

      assertThat(sample.field("ok")).isEqualTo(0L);
      assertThat((String) sample.field("message")).contains("timed out");
      assertThat((System.nanoTime() - started) / 1e9).isLessThan(CheckRun.TIMEOUT.toSeconds() + 2.0);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"SMTP", "FTP", "IMAP", "POP3"})
  void a_greeting_in_an_unexpected_form_fails_with_the_text_in_the_message(Kind kind) throws Exception {
    try (SilentServer web = SilentServer.greeting("HTTP/1.1 400 Bad Request\r\n\r\n")) {
      Sample sample = checks.run(CheckRun.check("falsch", kind, web.port()));

      assertThat(sample.field("ok")).isEqualTo(0L);
      assertThat((String) sample.field("message")).contains("HTTP/1.1 400 Bad Request");
    }
  }

  @Test
  void an_smtp_server_that_refuses_service_fails_with_its_reply_code() throws Exception {
    try (SilentServer busy = SilentServer.greeting("554 5.3.2 Dienst nicht verfügbar\r\n")) {
      PollResult result = checks.poll(CheckRun.check("mail", Kind.SMTP, busy.port()));
      Sample sample = result.samples().get(0);

      assertThat(sample.field("ok")).isEqualTo(0L);
      assertThat(sample.field("reply_code")).isEqualTo(554L);
      assertThat((String) sample.field("message")).contains("554 5.3.2 Dienst nicht verfügbar");
      assertThat(result).isInstanceOf(PollResult.Error.class);
      assertThat(((PollResult.Error) result).reason()).startsWith("check 'mail': unexpected greeting: 554");
    }
  }

  @Test
  void a_closed_port_fails_as_refused() throws Exception {
    Sample sample = checks.run(CheckRun.check("mail", Kind.SMTP, FreePorts.tcp()));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat((String) sample.field("message")).contains("refused");
    assertThat((Double) sample.field("response_ms")).isCloseTo(0.0, within(1000.0));
  }
}
