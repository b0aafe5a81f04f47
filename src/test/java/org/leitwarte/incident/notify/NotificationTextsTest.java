package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.notify.Fixtures.envelope;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Notification.Kind;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.notify.NotificationTexts.Format;

class NotificationTextsTest {

  private final NotificationTexts texts = new NotificationTexts(Fixtures.CLOCK);

  static Stream<Arguments> everyKindInEveryLanguage() {
    List<Arguments> cases = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      cases.add(Arguments.of(kind, Fixtures.german("m@kdo.example")));
      cases.add(Arguments.of(kind, Fixtures.english("j@kdo.example")));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyKindInEveryLanguage")
  void every_format_renders_for_every_kind_and_language(Kind kind, Person person) {
    Envelope envelope = new Envelope(Fixtures.notification(42, person, kind), 3);

    for (Format format : Format.values()) {
      assertThat(texts.render(format, envelope)).as(format.name()).contains("LW-42").doesNotContain("{{");
    }
    assertThat(texts.render(Format.SUBJECT, envelope)).doesNotContain("\n").startsWith("[LW-42] ");
    assertThat(texts.render(Format.SMS, envelope)).doesNotContain("\n").hasSizeLessThanOrEqualTo(NotificationTexts.SMS_LIMIT);
    JsonObject teams = new JsonObject(texts.render(Format.TEAMS, envelope));
    assertThat(teams.getJsonArray("attachments")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      TRIGGERED | de | [LW-42] KRITISCH – musterstadt: router-rathaus ist nicht erreichbar (+1 weitere)
      ESCALATED | de | [LW-42] Eskaliert, KRITISCH – musterstadt: router-rathaus ist nicht erreichbar (+1 weitere)
      REPEATED  | de | [LW-42] Erinnerung, KRITISCH – musterstadt: router-rathaus ist nicht erreichbar (+1 weitere)
      RESOLVED  | de | [LW-42] Behoben – musterstadt: router-rathaus ist nicht erreichbar (+1 weitere)
      TRIGGERED | en | [LW-42] CRITICAL – musterstadt: router-rathaus is unreachable (+1 more)
      ESCALATED | en | [LW-42] Escalated, CRITICAL – musterstadt: router-rathaus is unreachable (+1 more)
      REPEATED  | en | [LW-42] Reminder, CRITICAL – musterstadt: router-rathaus is unreachable (+1 more)
      RESOLVED  | en | [LW-42] Resolved – musterstadt: router-rathaus is unreachable (+1 more)
      """)
  void subject_says_kind_severity_tenant_and_what(Kind kind, String language, String subject) {
    Person person = language.equals("en") ? Fixtures.english("j@kdo.example") : Fixtures.german("m@kdo.example");

    assertThat(texts.render(Format.SUBJECT, envelope(42, person, kind))).isEqualTo(subject);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      TRIGGERED | Neue Störung: LW-42
      ESCALATED | Eskaliert (Stufe 2), noch nicht übernommen: LW-42
      REPEATED  | Erinnerung: besteht weiter, noch nicht übernommen: LW-42
      RESOLVED  | Behoben: LW-42
      """)
  void kinds_read_differently(Kind kind, String firstLine) {
    assertThat(texts.render(Format.TEXT, envelope(42, Fixtures.german("m@kdo.example"), kind)).lines().findFirst()).contains(firstLine);
  }

  @Test
  void suppressed_notifications_are_mentioned_in_the_next_one() {
    Notification notification = Fixtures.notification(42, Fixtures.german("m@kdo.example"), Kind.TRIGGERED);

    assertThat(texts.render(Format.TEXT, new Envelope(notification, 0))).doesNotContain("unterdrückt");
    assertThat(texts.render(Format.TEXT, new Envelope(notification, 1))).contains("1 weitere Benachrichtigung unterdrückt");
    assertThat(texts.render(Format.TEXT, new Envelope(notification, 5))).contains("5 weitere Benachrichtigungen unterdrückt");
    assertThat(texts.render(Format.SMS, new Envelope(notification, 5))).contains("(5 weitere unterdrückt)");
  }

  @Test
  void language_other_than_english_reads_german() {
    Person french = new Person("f", "F", Optional.of("f@kdo.example"), Optional.empty(), Optional.empty(), "fr");

    assertThat(texts.render(Format.TEXT, envelope(42, french, Kind.TRIGGERED))).startsWith("Neue Störung");
  }

  @Test
  void alert_without_annotations_is_named_by_rule_and_device_and_without_runbook() {
    Alert bare = new Alert("a3", "cpu_high", Severity.WARNING, AlertState.FIRING, Map.of("device", "srv-01"), Map.of(),
        Fixtures.SINCE, Fixtures.SINCE, Optional.empty(), Optional.empty(), false);
    Notification notification = new Notification(Fixtures.incident(42), List.of(bare), Fixtures.german("m@kdo.example"),
        Kind.TRIGGERED, 1, URI.create("https://leitwarte.example/ack/42"));

    String text = texts.render(Format.TEXT, new Envelope(notification, 0));

    assertThat(text).contains("- cpu_high (srv-01)").doesNotContain("Runbook");
  }

  @Test
  void runbook_that_is_not_a_web_link_is_not_made_a_link() {
    Alert alert = new Alert("a4", "x", Severity.CRITICAL, AlertState.FIRING, Map.of("device", "d"),
        Map.of("de", Map.of("summary", "x", "runbook", "javascript:alert(1)")),
        Fixtures.SINCE, Fixtures.SINCE, Optional.empty(), Optional.empty(), false);
    Notification notification = new Notification(Fixtures.incident(42), List.of(alert), Fixtures.german("m@kdo.example"),
        Kind.TRIGGERED, 1, URI.create("https://leitwarte.example/ack/42"));

    assertThat(texts.render(Format.HTML, new Envelope(notification, 0))).doesNotContain("javascript:");
  }

  @Test
  void many_alerts_are_counted_not_listed() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      alerts.add(new Alert("a" + i, "device_unreachable", Severity.CRITICAL, AlertState.FIRING, Map.of("device", "ap-" + i),
          Map.of("de", Map.of("summary", "ap-" + i + " ist nicht erreichbar")), Fixtures.SINCE.plusSeconds(i), Fixtures.SINCE,
          Optional.empty(), Optional.empty(), false));
    }
    Notification notification = new Notification(Fixtures.incident(42), alerts, Fixtures.german("m@kdo.example"),
        Kind.TRIGGERED, 1, URI.create("https://leitwarte.example/ack/42"));

    String text = texts.render(Format.TEXT, new Envelope(notification, 0));

    assertThat(text).contains("- ap-19 ist nicht erreichbar", "- … und 5 weitere").doesNotContain("ap-20 ist");
    assertThat(text).contains("Gerät:     ap-0, ap-1, ap-2, ap-3, ap-4 (+20)");
  }
}
