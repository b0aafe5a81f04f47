package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailReplyTest {

  /** As an IMAP client hands it over: one char per byte. */
  private static String raw(String text) {
    return new String(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void plain_utf8_reply_names_incident_sender_and_acknowledges() {
    MailReply reply = MailReply.of(raw("""
        From: =?UTF-8?Q?Martina_M=C3=BCller?= <M.Mueller@KDO.example>
        To: leitwarte@kdo.example
        Subject: Re: [LW-7] KRITISCH
        In-Reply-To: <LW-7.3b2c@kdo.example>
        References: <LW-7@kdo.example> <LW-7.3b2c@kdo.example>
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        ok, ich kümmere mich

        Am 14.03. schrieb Leitwarte:
        > Neue Störung: LW-7
        """));

    assertThat(reply).isEqualTo(new MailReply(Optional.of(7L), Optional.of("m.mueller@kdo.example"),
        List.of("<LW-7.3b2c@kdo.example>", "<LW-7@kdo.example> <LW-7.3b2c@kdo.example>"), true, false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ok, ich kümmere mich                 | true
      OK                                   | true
      Ok.                                  | true
      okay, übernehme                      | true
      ACK                                  | true
      ack – bin dran                       | true
      Acknowledged                         | true
      Oktober wäre besser                  | false
      nicht ok                             | false
      kann nicht, bin im Urlaub            | false
      """)
  void first_line_decides(String firstLine, boolean acknowledges) {
    assertThat(MailReply.of(raw(simple(firstLine + "\n\n> ok\n"))).acknowledges()).isEqualTo(acknowledges);
  }

  @Test
  void quoted_lines_and_blank_lines_before_the_answer_do_not_count() {
    assertThat(MailReply.of(raw(simple("\n\n> ok\n>\n   \nNein, nicht meins\n"))).acknowledges()).isFalse();
    assertThat(MailReply.of(raw(simple("\n \n\u00a0ok\n"))).acknowledges()).isTrue();
  }

  @Test
  void quoted_printable_body_is_decoded() {
    MailReply reply = MailReply.of(raw("""
        From: a@kdo.example
        In-Reply-To: <LW-12.x@kdo.example>
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable

        =4Fk, ich k=C3=BCmmere mich um den Router, der schon seit l=C3=A4ngerem =
        Probleme macht
        """));

    assertThat(reply.acknowledges()).isTrue();
    assertThat(reply.incident()).contains(12L);
  }

  @Test
  void base64_part_inside_multipart_alternative_is_read_before_the_html() {
    MailReply reply = MailReply.of(raw("""
        From: Martina <m@kdo.example>
        Subject: AW: [LW-99] Eskaliert
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        QUNLIC0gYmluIHVudGVyd2Vncw==
        --b1
        Content-Type: text/html; charset=utf-8

        <p>Nein</p>
        --b1--
        """));

    assertThat(reply.incident()).contains(99L);
    assertThat(reply.acknowledges()).isTrue();
  }

  @Test
  void html_only_reply_is_read_as_text() {
    MailReply reply = MailReply.of(raw("""
        From: m@kdo.example
        Subject: RE: [LW-5]
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: multipart/related; boundary="inner"

        --inner
        Content-Type: text/html; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        <html><body><div>ok</div><blockquote>Neue St=F6rung</blockquote></body></html>
        --inner--
        --outer--
        """));

    assertThat(reply.acknowledges()).isTrue();
  }

  @Test
  void encoded_subject_is_enough_to_find_the_incident() {
    MailReply reply = MailReply.of(raw("""
        From: m@kdo.example
        Subject: =?UTF-8?Q?Re:_[LW-31]_KRITISCH_=E2=80=93_musterstadt?=
        Content-Type: text/plain

        ok
        """));

    assertThat(reply.incident()).contains(31L);
  }

  @Test
  void subject_only_reply_claims_an_incident_but_brings_no_thread_headers() {
    MailReply reply = MailReply.of(raw("From: m@kdo.example\nSubject: Re: [LW-42] KRITISCH\n\nok\n"));

    assertThat(reply.incident()).contains(42L);
    assertThat(reply.threadHeaders()).isEmpty();
  }

  @Test
  void mail_without_a_reference_names_no_incident() {
    assertThat(MailReply.of(raw("From: m@kdo.example\nSubject: Mittagessen?\n\nok\n")).incident()).isEmpty();
    assertThat(MailReply.of(raw("From: m@kdo.example\nSubject: FLW-3 und LW-3x\n\nok\n")).incident()).isEmpty();
  }

  @Test
  void auto_reply_is_marked_automatic() {
    MailReply reply = MailReply.of(raw("""
        From: m@kdo.example
        Subject: Automatische Antwort: [LW-7]
        Auto-Submitted: auto-replied
        In-Reply-To: <LW-7.a@kdo.example>

        OK, ich bin bis Montag nicht im Haus.
        """));

    assertThat(reply.automatic()).isTrue();
  }

  @Test
  void folded_headers_are_unfolded() {
    MailReply reply = MailReply.of(raw("From: m@kdo.example\nReferences: <other@x>\n <LW-8@kdo.example>\nSubject: Re:\n\nack\n"));

    assertThat(reply.incident()).contains(8L);
  }

  private static String simple(String body) {
    return "From: m@kdo.example\nIn-Reply-To: <LW-7.a@kdo.example>\nContent-Type: text/plain; charset=utf-8\n\n" + body;
  }
}
