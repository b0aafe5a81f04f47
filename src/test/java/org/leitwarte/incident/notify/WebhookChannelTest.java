package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.notify.Fixtures.notification;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.Notification.Kind;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.Await;

class WebhookChannelTest {

  private static final String SECRET = "webhook-shared-secret";

  private final Vertx vertx = Vertx.vertx();
  private final HttpReceiver receiver = new HttpReceiver(vertx, 200);
  private final NotificationTexts texts = new NotificationTexts(Fixtures.CLOCK);
  private WebhookChannel channel = new WebhookChannel(vertx, Optional.of(Secret.of(SECRET)), texts, Fixtures.CLOCK, Duration.ofSeconds(10));

  @AfterEach
  void stop() {
    Await.result(channel.close());
    Await.result(vertx.close());
  }

  @Test
  void generic_json_carries_a_signature_the_receiver_can_check_with_the_secret() throws Exception {
    String detail = Await.result(channel.deliver(envelope(receiver.url("/leitwarte/in?key=abc"))));

    assertThat(detail).isEqualTo("HTTP 200: ok");
    HttpReceiver.Request request = receiver.only();
    assertThat(request.uri()).isEqualTo("/leitwarte/in?key=abc");
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    String timestamp = request.header("X-Leitwarte-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(Fixtures.NOW.getEpochSecond()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((timestamp + "." + request.text()).getBytes(StandardCharsets.UTF_8));
    assertThat(request.header("X-Leitwarte-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(expected));
    assertThat(WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8), timestamp, request.body(),
        request.header("X-Leitwarte-Signature"), Fixtures.NOW.plusSeconds(30), Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void generic_json_has_incident_alerts_links_and_kind() {
    Await.result(channel.deliver(envelope(receiver.url("/in"))));

    JsonObject body = receiver.only().json();
    assertThat(body.getInteger("version")).isEqualTo(1);
    assertThat(body.getString("kind")).isEqualTo("triggered");
    assertThat(body.getString("reference")).isEqualTo("LW-42");
    assertThat(body.getInteger("level")).isEqualTo(1);
    assertThat(body.getJsonObject("incident").getLong("id")).isEqualTo(42L);
    assertThat(body.getJsonObject("incident").getString("tenant")).isEqualTo("musterstadt");
    assertThat(body.getJsonObject("links").getString("acknowledge"))
        .isEqualTo("https://leitwarte.example/ack/42?person=mmueller&sig=abc");
    assertThat(body.getJsonObject("links").getJsonArray("runbooks"))
        .containsExactly("https://wiki.example/runbooks/device_unreachable");
    JsonArray alerts = body.getJsonArray("alerts");
    assertThat(alerts).hasSize(2);
    assertThat(alerts.getJsonObject(1).getString("summary")).isEqualTo("router-rathaus ist nicht erreichbar");
    assertThat(alerts.getJsonObject(1).getString("state")).isEqualTo("firing");
    assertThat(alerts.getJsonObject(1).getJsonObject("labels").getString("device")).isEqualTo("router-rathaus");
    assertThat(body.getString("subject")).startsWith("[LW-42]");
    assertThat(body.getString("text")).contains("Mandant:   musterstadt");
  }

  @Test
  void without_a_secret_the_json_goes_out_unsigned() {
    channel = new WebhookChannel(vertx, Optional.empty(), texts, Fixtures.CLOCK, Duration.ofSeconds(10));

    Await.result(channel.deliver(envelope(receiver.url("/in"))));

    assertThat(receiver.only().header("X-Leitwarte-Signature")).isNull();
  }

  @Test
  void teams_gets_an_adaptive_card_with_the_acknowledge_button() {
    Await.result(channel.deliver(envelope(receiver.url("/workflows/abc#teams"))));

    HttpReceiver.Request request = receiver.only();
    assertThat(request.uri()).isEqualTo("/workflows/abc");
    JsonObject attachment = request.json().getJsonArray("attachments").getJsonObject(0);
    assertThat(request.json().getString("type")).isEqualTo("message");
    assertThat(attachment.getString("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonObject card = attachment.getJsonObject("content");
    assertThat(card.getString("type")).isEqualTo("AdaptiveCard");
    assertThat(card.getJsonArray("body").getJsonObject(0).getString("text")).isEqualTo("Neue Störung: LW-42");
    JsonArray facts = card.getJsonArray("body").getJsonObject(2).getJsonArray("facts");
    assertThat(facts.getJsonObject(0).getString("value")).isEqualTo("musterstadt");
    assertThat(card.getJsonArray("body").encode()).contains("Uplink <Gi0/1> & VPN");
    JsonObject acknowledge = card.getJsonArray("actions").getJsonObject(0);
    assertThat(acknowledge.getString("type")).isEqualTo("Action.OpenUrl");
    assertThat(acknowledge.getString("url")).isEqualTo("https://leitwarte.example/ack/42?person=mmueller&sig=abc");
  }

  @Test
  void resolved_teams_card_has_only_the_runbook_button() {
    Await.result(channel.deliver(new Envelope(notification(42, Fixtures.withWebhook(receiver.url("/w#teams")), Kind.RESOLVED), 0)));

    JsonArray actions = receiver.only().json().getJsonArray("attachments").getJsonObject(0).getJsonObject("content").getJsonArray("actions");
    assertThat(actions).hasSize(1);
    assertThat(actions.getJsonObject(0).getString("title")).isEqualTo("Runbook");
  }

  @Test
  void slack_compatible_hooks_get_mrkdwn_text_with_escaped_markup() {
    Await.result(channel.deliver(envelope(receiver.url("/hooks/xyz"))));

    JsonObject body = receiver.only().json();
    assertThat(body.fieldNames()).containsExactly("text");
    assertThat(body.getString("text"))
        .contains("*Neue Störung: LW-42*")
        .contains("Uplink &lt;Gi0/1&gt; &amp; VPN")
        .contains("<https://leitwarte.example/ack/42?person=mmueller&sig=abc|Übernehmen (bestätigen)>");
  }

  @Test
  void matrix_hookshot_gets_text_and_html() {
    Await.result(channel.deliver(envelope(receiver.url("/hookshot/webhook/abc"))));

    JsonObject body = receiver.only().json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("text", "html");
    assertThat(body.getString("text")).contains("Neue Störung: LW-42", "Mandant:   musterstadt");
    assertThat(body.getString("html")).contains("<strong>Neue Störung: LW-42</strong>", "Uplink &lt;Gi0/1&gt; &amp; VPN");
  }

  @Test
  void address_in_the_delivery_log_names_format_and_host_but_not_the_token() {
    assertThat(channel.address(Fixtures.withWebhook(URI.create("https://hooks.slack.com/services/T00/B00/SECRETTOKEN"))))
        .contains("slack https://hooks.slack.com");
  }

  @Test
  void client_error_is_permanent_and_server_error_is_not() {
    HttpReceiver refusing = new HttpReceiver(vertx, 400);
    HttpReceiver failing = new HttpReceiver(vertx, 503);

    Throwable refused = Await.failure(channel.deliver(envelope(refusing.url("/in"))));
    Throwable failed = Await.failure(channel.deliver(envelope(failing.url("/in"))));

    assertThat(refused).hasMessage("HTTP 400: {\"error\":\"status 400\"}");
    assertThat(((DeliveryFailure) refused).permanent()).isTrue();
    assertThat(failed).hasMessageStartingWith("HTTP 503");
    assertThat(((DeliveryFailure) failed).permanent()).isFalse();
  }

  @Test
  void nothing_listening_is_worth_another_try_and_the_message_hides_the_path() {
    URI dead = URI.create("http://127.0.0.1:" + FreePorts.tcp() + "/hooks/SECRETTOKEN");

    Throwable failure = Await.failure(channel.deliver(envelope(dead)));

    assertThat(((DeliveryFailure) failure).permanent()).isFalse();
    assertThat(failure.getMessage()).contains("127.0.0.1").doesNotContain("SECRETTOKEN");
  }

  private static Envelope envelope(URI webhook) {
    return new Envelope(notification(42, Fixtures.withWebhook(webhook), Kind.TRIGGERED), 0);
  }
}
