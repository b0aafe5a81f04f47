package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.notify.NotificationTexts.Format;

/** A short text through an HTTP SMS gateway (notify.sms), to the person's phone number. */
public final class SmsChannel implements Channel {

  private final WebClient client;
  private final LeitwarteConfig.Notify.Sms config;
  private final NotificationTexts texts;
  private final SmsRequest request;
  private final Optional<String> token;
  private final Duration timeout;

  /**
   * @throws IllegalArgumentException when the url or body template is broken
   */
  public SmsChannel(Vertx vertx, LeitwarteConfig.Notify.Sms config, NotificationTexts texts, Duration timeout) {
    this.config = config;
    this.texts = texts;
    this.timeout = timeout;
    String contentType = header(config.headers(), "Content-Type")
        .orElseGet(() -> config.body().map(SmsRequest::guessContentType).orElse("text/plain; charset=utf-8"));
    this.request = new SmsRequest(config.url(), config.body(), contentType);
    this.token = config.token().map(secret -> secret.reveal());
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("Leitwarte")
        .setConnectTimeout((int) timeout.toMillis())
        .setFollowRedirects(false));
  }

  @Override
  public String name() {
    return "sms";
  }

  /** The number without the spaces, dashes and brackets people write: {@code +491701234567}. */
  @Override
  public Optional<String> address(Person person) {
    return person.phone().map(phone -> phone.replaceAll("[\\s\\-/().]", "")).filter(phone -> !phone.isEmpty());
  }

  @Override
  public Future<String> deliver(Envelope envelope) {
    Optional<String> phone = address(envelope.recipient());
    if (phone.isEmpty()) {
      return Future.failedFuture(DeliveryFailure.permanentFailure("no phone number"));
    }
    SmsRequest.Rendered rendered;
    HttpRequest<Buffer> http;
    URI url;
    try {
      rendered = request.render(phone.get(), texts.render(Format.SMS, envelope));
      url = URI.create(rendered.url());
      http = client.requestAbs(HttpMethod.valueOf(config.method()), rendered.url())
          .connectTimeout(timeout.toMillis())
          .idleTimeout(timeout.toMillis());
    } catch (RuntimeException e) {
      // Not the exception's text: it may quote the URL with an API key in it.
      return Future.failedFuture(DeliveryFailure.permanentFailure(
          "the SMS request could not be made (check notify.sms.url and method): " + e.getClass().getSimpleName()));
    }
    config.headers().forEach(http::putHeader);
    token.filter(value -> header(config.headers(), "Authorization").isEmpty())
        .ifPresent(value -> http.putHeader("Authorization", "Bearer " + value));
    Future<HttpResponse<Buffer>> sent;
    if (rendered.body().isPresent()) {
      http.putHeader("Content-Type", request.contentType());
      sent = http.sendBuffer(Buffer.buffer(rendered.body().get()));
    } else {
      sent = http.send();
    }
    return sent.recover(error -> HttpAnswers.unreachable(error, url)).compose(HttpAnswers::outcome);
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
