package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.notify.Fixtures.notification;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.config.LeitwarteConfig.Notify;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.Delivery;
import org.leitwarte.incident.Notification.Kind;
import org.leitwarte.incident.Person;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.Await;
import org.leitwarte.testsupport.MutableClock;

class NotificationDispatcherTest {

  private static final Notify.RateLimit GENEROUS = new Notify.RateLimit(100, Duration.ofMinutes(10));
  private static final Notify.Retries QUICK = new Notify.Retries(3, Duration.ofMillis(200), Duration.ofMillis(400));

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock(Fixtures.NOW);
  private final List<AutoCloseable> servers = new ArrayList<>();
  private NotificationDispatcher dispatcher;

  @AfterEach
  void stop() throws Exception {
    if (dispatcher != null) {
      Await.result(dispatcher.close());
    }
    Await.result(vertx.close());
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void person_is_notified_on_every_configured_channel_they_have_an_address_for() {
    MailServer mail = new MailServer();
    servers.add(mail);
    HttpReceiver chat = new HttpReceiver(vertx, 200);
    HttpReceiver gateway = new HttpReceiver(vertx, 200);
    dispatcher = NotificationDispatcher.create(vertx, new Notify(
        Optional.of(smtp(mail.smtpPort)), Optional.of(Secret.of("k")),
        Optional.of(new Notify.Sms("http://127.0.0.1:" + gateway.port() + "/sms?to={{phone}}&text={{text}}", "GET",
            Optional.empty(), Map.of(), Optional.empty())),
        GENEROUS, QUICK, Optional.empty()), clock);
    Person everywhere = new Person("mmueller", "Martina Müller", Optional.of("m.mueller@kdo.example"),
        Optional.of("+49 170 1234567"), Optional.of(chat.url("/hooks/abc")), "de");

    List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, everywhere, Kind.TRIGGERED)));

    assertThat(deliveries).extracting(Delivery::channel).containsExactly("email", "webhook", "sms");
    assertThat(deliveries).allSatisfy(delivery -> {
      assertThat(delivery.delivered()).isTrue();
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.recipient()).isEqualTo("mmueller");
      assertThat(delivery.at()).isEqualTo(Fixtures.NOW);
    });
    assertThat(deliveries).extracting(Delivery::address)
        .containsExactly("m.mueller@kdo.example", "slack http://127.0.0.1:" + chat.port(), "+491701234567");
    assertThat(mail.greenMail.getReceivedMessages()).hasSize(1);
    assertThat(chat.requests()).hasSize(1);
    assertThat(gateway.requests()).hasSize(1);
  }

  @Test
  void channels_that_are_not_configured_or_lack_an_address_are_skipped() {
    HttpReceiver chat = new HttpReceiver(vertx, 200);
    dispatcher = NotificationDispatcher.create(vertx, webhooksOnly(GENEROUS, QUICK), clock);

    List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, Fixtures.withWebhook(chat.url("/in")), Kind.TRIGGERED)));
    List<Delivery> none = Await.result(dispatcher.send(notification(42, Fixtures.german("m@kdo.example"), Kind.TRIGGERED)));

    assertThat(deliveries).extracting(Delivery::channel).containsExactly("webhook");
    assertThat(none).isEmpty();
  }

  @Test
  void smtp_server_that_is_not_there_is_retried_with_backoff_then_given_up() {
    int nothingListening = FreePorts.tcp();
    dispatcher = NotificationDispatcher.create(vertx, new Notify(Optional.of(smtp(nothingListening)), Optional.empty(),
        Optional.empty(), GENEROUS, QUICK, Optional.empty()), clock);

    List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, Fixtures.german("m@kdo.example"), Kind.TRIGGERED)));

    assertThat(deliveries).singleElement().satisfies(delivery -> {
      assertThat(delivery.channel()).isEqualTo("email");
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.attempts()).isEqualTo(3);
      assertThat(delivery.detail()).contains("127.0.0.1:" + nothingListening).containsIgnoringCase("refused");
    });
  }

  @Test
  void smtp_server_that_stopped_is_retried_and_its_mail_arrives_once_it_is_back() {
    MailServer mail = new MailServer();
    servers.add(mail);
    mail.greenMail.stop();
    dispatcher = NotificationDispatcher.create(vertx, new Notify(Optional.of(smtp(mail.smtpPort)), Optional.empty(),
        Optional.empty(), GENEROUS, new Notify.Retries(10, Duration.ofMillis(300), Duration.ofMillis(300)), Optional.empty()), clock);

    var sending = dispatcher.send(notification(42, Fixtures.german("m@kdo.example"), Kind.TRIGGERED));
    vertx.setTimer(700, id -> mail.greenMail.start());
    List<Delivery> deliveries = Await.result(sending);

    assertThat(deliveries).singleElement().satisfies(delivery -> {
      assertThat(delivery.delivered()).isTrue();
      assertThat(delivery.attempts()).isGreaterThan(1);
    });
    assertThat(mail.greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void webhook_answering_500_then_200_is_delivered_on_the_second_attempt_after_the_backoff() {
    HttpReceiver chat = new HttpReceiver(vertx, 500, 200);
    dispatcher = NotificationDispatcher.create(vertx, webhooksOnly(GENEROUS, QUICK), clock);

    List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, Fixtures.withWebhook(chat.url("/in")), Kind.TRIGGERED)));

    assertThat(deliveries).singleElement().satisfies(delivery -> {
      assertThat(delivery.delivered()).isTrue();
      assertThat(delivery.attempts()).isEqualTo(2);
      assertThat(delivery.detail()).isEqualTo("HTTP 200: ok");
    });
    assertThat(chat.requests()).hasSize(2);
    assertThat(Duration.between(chat.requests().get(0).at(), chat.requests().get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void backoff_doubles_between_attempts() {
    HttpReceiver chat = new HttpReceiver(vertx, 503);
    dispatcher = NotificationDispatcher.create(vertx, webhooksOnly(GENEROUS, QUICK), clock);

    List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, Fixtures.withWebhook(chat.url("/in")), Kind.TRIGGERED)));

    assertThat(deliveries.get(0).delivered()).isFalse();
    assertThat(deliveries.get(0).attempts()).isEqualTo(3);
    assertThat(deliveries.get(0).detail()).startsWith("HTTP 503");
    List<HttpReceiver.Request> requests = chat.requests();
    assertThat(requests).hasSize(3);
    assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void webhook_answering_400_is_not_retried() {
    HttpReceiver chat = new HttpReceiver(vertx, 400);
    dispatcher = NotificationDispatcher.create(vertx, webhooksOnly(GENEROUS, QUICK), clock);

    List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, Fixtures.withWebhook(chat.url("/in")), Kind.TRIGGERED)));

    assertThat(deliveries).singleElement().satisfies(delivery -> {
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.detail()).startsWith("HTTP 400");
    });
    assertThat(chat.requests()).hasSize(1);
  }

  @Test
  void twelve_notifications_in_the_window_send_ten_and_the_next_one_later_says_two_were_suppressed() {
    HttpReceiver chat = new HttpReceiver(vertx, 200);
    dispatcher = NotificationDispatcher.create(vertx, webhooksOnly(new Notify.RateLimit(10, Duration.ofMinutes(10)), QUICK), clock);
    Person person = Fixtures.withWebhook(chat.url("/in"));

    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      deliveries.addAll(Await.result(dispatcher.send(notification(100 + i, person, Kind.TRIGGERED))));
      clock.advance(Duration.ofSeconds(20));
    }

    assertThat(deliveries).filteredOn(Delivery::delivered).hasSize(10);
    assertThat(deliveries).filteredOn(delivery -> !delivery.delivered()).hasSize(2).allSatisfy(delivery -> {
      assertThat(delivery.detail()).isEqualTo("rate limited");
      assertThat(delivery.attempts()).isZero();
    });
    assertThat(chat.requests()).hasSize(10);

    clock.advance(Duration.ofMinutes(10));
    List<Delivery> later = Await.result(dispatcher.send(notification(200, person, Kind.ESCALATED)));

    assertThat(later).singleElement().satisfies(delivery -> assertThat(delivery.delivered()).isTrue());
    var body = chat.requests().get(10).json();
    assertThat(body.getInteger("suppressed_before")).isEqualTo(2);
    assertThat(body.getString("text")).contains("2 weitere Benachrichtigungen unterdrückt");
  }

  @Test
  void resolved_notifications_do_not_use_up_the_budget() {
    HttpReceiver chat = new HttpReceiver(vertx, 200);
    dispatcher = NotificationDispatcher.create(vertx, webhooksOnly(new Notify.RateLimit(2, Duration.ofMinutes(10)), QUICK), clock);
    Person person = Fixtures.withWebhook(chat.url("/in"));

    List<Boolean> delivered = new ArrayList<>();
    for (var kind : List.of(Kind.RESOLVED, Kind.RESOLVED, Kind.TRIGGERED, Kind.TRIGGERED, Kind.TRIGGERED)) {
      delivered.add(Await.result(dispatcher.send(notification(42, person, kind))).get(0).delivered());
    }

    assertThat(delivered).containsExactly(true, true, true, true, false);
  }

  @Test
  void webhook_that_does_not_answer_counts_as_a_failed_attempt() {
    // A port that accepts connections but never answers: a server socket nobody serves.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      dispatcher = new NotificationDispatcher(vertx,
          List.of(new WebhookChannel(vertx, Optional.empty(), new NotificationTexts(clock), clock, Duration.ofMillis(300))),
          GENEROUS, new Notify.Retries(2, Duration.ofMillis(10), Duration.ofMillis(10)), clock);
      URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/in");

      List<Delivery> deliveries = Await.result(dispatcher.send(notification(42, Fixtures.withWebhook(url), Kind.TRIGGERED)));

      assertThat(deliveries).singleElement().satisfies(delivery -> {
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.detail()).containsIgnoringCase("timeout");
      });
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Notify.Email smtp(int port) {
    return new Notify.Email("127.0.0.1", port, false, Notify.StartTls.OPTIONAL, Optional.empty(), Optional.empty(),
        "Leitwarte <leitwarte@kdo.example>");
  }

  private static Notify webhooksOnly(Notify.RateLimit rateLimit, Notify.Retries retries) {
    return new Notify(Optional.empty(), Optional.of(Secret.of("k")), Optional.empty(), rateLimit, retries, Optional.empty());
  }

}
