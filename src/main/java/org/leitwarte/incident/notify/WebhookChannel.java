package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's chat webhook (Teams, Matrix, Slack-compatible) or any HTTP endpoint that takes
 * Leitwarte's JSON. Every request is signed (see {@link WebhookSignature}) when notify.webhook_secret
 * is set; chat services ignore the headers, own receivers should check them.
 */
public final class WebhookChannel implements Channel {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);

  private final WebClient client;
  private final Optional<byte[]> secret;
  private final WebhookBodies bodies;
  private final Clock clock;
  private final Duration timeout;

  /**
   * @param secret notify.webhook_secret; revealed here, so a missing variable or file fails at start
   * @param timeout for connecting and for each wait on the answer
   */
  public WebhookChannel(Vertx vertx, Optional<Secret> secret, NotificationTexts texts, Clock clock, Duration timeout) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("Leitwarte")
        .setConnectTimeout((int) timeout.toMillis())
        .setFollowRedirects(false));
    this.secret = secret.map(value -> value.reveal().getBytes(StandardCharsets.UTF_8));
    this.bodies = new WebhookBodies(texts);
    this.clock = clock;
    this.timeout = timeout;
    if (this.secret.isEmpty()) {
      LOG.info("notify.webhook_secret is not set: webhooks go out unsigned");
    }
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Optional<String> address(Person person) {
    return person.webhook().map(url -> WebhookFormat.of(url).label() + " " + HttpAnswers.origin(url));
  }

  @Override
  public Future<String> deliver(Envelope envelope) {
    Optional<URI> webhook = envelope.recipient().webhook();
    if (webhook.isEmpty()) {
      return Future.failedFuture(DeliveryFailure.permanentFailure("no webhook"));
    }
    URI url = webhook.get();
    Buffer body;
    HttpRequest<Buffer> request;
    try {
      body = bodies.body(WebhookFormat.of(url), envelope, clock.instant()).toBuffer();
      request = client.requestAbs(HttpMethod.POST, withoutFragment(url))
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .connectTimeout(timeout.toMillis())
          .idleTimeout(timeout.toMillis());
    } catch (RuntimeException e) {
      String problem = HttpAnswers.withoutSecrets(DeliveryFailure.describe(e), url);
      return Future.failedFuture(DeliveryFailure.permanentFailure("the webhook request could not be made: " + problem));
    }
    secret.ifPresent(key -> {
      String timestamp = Long.toString(clock.instant().getEpochSecond());
      request.putHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
      request.putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body.getBytes()));
    });
    return request.sendBuffer(body)
        .recover(error -> HttpAnswers.unreachable(error, url))
        .compose(HttpAnswers::outcome);
  }

  /** The fragment only names the format; it is not part of the request. */
  private static String withoutFragment(URI url) {
    String text = url.toString();
    int hash = text.indexOf('#');
    return hash < 0 ? text : text.substring(0, hash);
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
