package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.config.LeitwarteConfig.Notify.Sms;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Notification.Kind;
import org.leitwarte.testsupport.Await;

class SmsChannelTest {

  private final Vertx vertx = Vertx.vertx();
  private final HttpReceiver gateway = new HttpReceiver(vertx, 200);
  private final NotificationTexts texts = new NotificationTexts(Fixtures.CLOCK);
  private SmsChannel channel;

  @AfterEach
  void stop() {
    if (channel != null) {
      Await.result(channel.close());
    }
    Await.result(vertx.close());
  }

  @Test
  void get_gateway_receives_number_and_text_url_encoded() {
    channel = channel(new Sms("http://127.0.0.1:" + gateway.port() + "/send?to={{phone}}&msg={{text}}", "GET", Optional.empty(), Map.of(), Optional.empty()));
    Envelope envelope = envelope("Stromausfall: USV & Router \"Rathaus\" aus");

    Await.result(channel.deliver(envelope));

    HttpReceiver.Request request = gateway.only();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri()).startsWith("/send?to=%2B491701234567&msg=LW-42%20KRITISCH%20");
    String query = URI.create(request.uri()).getRawQuery();
    assertThat(URLDecoder.decode(query.split("&msg=")[1], StandardCharsets.UTF_8)).isEqualTo(texts.render(NotificationTexts.Format.SMS, envelope));
    assertThat(texts.render(NotificationTexts.Format.SMS, envelope))
        .contains("Stromausfall: USV & Router \"Rathaus\" aus", "seit 03:12", "https://leitwarte.example/ack/42");
  }

  @Test
  void json_body_gets_json_escaped_text_and_the_bearer_token() {
    channel = channel(new Sms(gateway.url("/api/sms").toString(), "POST",
        Optional.of("{\"to\": \"{{phone}}\", \"message\": \"{{text}}\"}"),
        Map.of("Content-Type", "application/json"), Optional.of(Secret.of("gateway-token"))));
    Envelope envelope = envelope("Pfad C:\\daten \"voll\"");

    Await.result(channel.deliver(envelope));

    HttpReceiver.Request request = gateway.only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Authorization")).isEqualTo("Bearer gateway-token");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    JsonObject body = request.json();
    assertThat(body.getString("to")).isEqualTo("+491701234567");
    assertThat(body.getString("message")).isEqualTo(texts.render(NotificationTexts.Format.SMS, envelope)).contains("Pfad C:\\daten \"voll\"");
  }

  @Test
  void form_body_is_form_encoded() {
    channel = channel(new Sms(gateway.url("/form").toString(), "POST", Optional.of("number={{phone}}&text={{text}}"),
        Map.of("Content-Type", "application/x-www-form-urlencoded"), Optional.empty()));
    Envelope envelope = envelope("A&B=C");

    Await.result(channel.deliver(envelope));

    String[] fields = gateway.only().text().split("&");
    assertThat(fields).hasSize(2);
    assertThat(URLDecoder.decode(fields[0], StandardCharsets.UTF_8)).isEqualTo("number=+491701234567");
    assertThat(URLDecoder.decode(fields[1].substring("text=".length()), StandardCharsets.UTF_8))
        .isEqualTo(texts.render(NotificationTexts.Format.SMS, envelope));
  }

  @Test
  void sms_stays_short_even_for_long_summaries() {
    Envelope envelope = envelope("Sehr lange Beschreibung ".repeat(30));

    String sms = texts.render(NotificationTexts.Format.SMS, envelope);

    assertThat(sms).hasSizeLessThanOrEqualTo(NotificationTexts.SMS_LIMIT).startsWith("LW-42 KRITISCH").contains("…")
        .endsWith("Bestätigen: https://leitwarte.example/ack/42?person=mmueller&sig=abc");
  }

  @Test
  void unknown_template_variable_is_refused_naming_the_setting() {
    Sms config = new Sms("http://127.0.0.1/send?to={{number}}", "GET", Optional.empty(), Map.of(), Optional.empty());

    assertThatThrownBy(() -> new SmsChannel(vertx, config, texts, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notify.sms.url")
        .hasMessageContaining("number");
  }

  @Test
  void number_is_written_without_spaces() {
    channel = channel(new Sms(gateway.url("/x").toString(), "GET", Optional.empty(), Map.of(), Optional.empty()));

    assertThat(channel.address(Fixtures.withPhone("+49 (170) 123-4567"))).contains("+491701234567");
  }

  private SmsChannel channel(Sms config) {
    return new SmsChannel(vertx, config, texts, Duration.ofSeconds(10));
  }

  private static Envelope envelope(String summary) {
    Alert alert = new Alert("a9", "ups_on_battery", Severity.CRITICAL, AlertState.FIRING,
        Map.of("tenant", "musterstadt", "site", "rathaus", "device", "usv-rathaus"),
        Map.of("de", Map.of("summary", summary)), Fixtures.SINCE, Fixtures.SINCE, Optional.empty(), Optional.empty(), false);
    Notification notification = new Notification(Fixtures.incident(42), List.of(alert), Fixtures.withPhone("+49 170 1234567"),
        Kind.TRIGGERED, 1, URI.create("https://leitwarte.example/ack/42?person=mmueller&sig=abc"));
    return new Envelope(notification, 0);
  }
}
