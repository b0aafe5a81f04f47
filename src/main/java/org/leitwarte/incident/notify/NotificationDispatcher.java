package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.Delivery;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Notifications;
import org.leitwarte.incident.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification on every configured channel the person has an address for, each with retries
 * and exponential backoff (Vert.x timers), after the per-person rate limit. Every delivery ends as one
 * {@link Delivery}; the returned future never fails.
 */
public final class NotificationDispatcher implements Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  /** Connect and answer timeout of webhook and SMS requests. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

  /** An attempt that has not ended by then counts as failed, whatever the client library does. */
  private static final Duration ATTEMPT_LIMIT = Duration.ofMinutes(2);

  private final Vertx vertx;
  private final List<Channel> channels;
  private final RateLimiter limiter;
  private final int attempts;
  private final Backoff backoff;
  private final Clock clock;

  public NotificationDispatcher(
      Vertx vertx, List<Channel> channels, LeitwarteConfig.Notify.RateLimit rateLimit, LeitwarteConfig.Notify.Retries retries, Clock clock) {
    this.vertx = vertx;
    this.channels = List.copyOf(channels);
    this.limiter = new RateLimiter(rateLimit.perPerson(), rateLimit.window(), clock);
    this.attempts = Math.max(1, retries.attempts());
    this.backoff = new Backoff(retries.firstDelay(), retries.maxDelay());
    this.clock = clock;
  }

  /**
   * The channels notify: configures: e-mail when {@code email} is set, webhooks always (a person's
   * webhook URL is all they need), SMS when {@code sms} is set.
   *
   * @throws IllegalArgumentException when the SMS templates are broken
   * @throws IllegalStateException when a secret cannot be resolved
   */
  public static NotificationDispatcher create(Vertx vertx, LeitwarteConfig.Notify config, Clock clock) {
    return create(vertx, config, clock, PlaceNames.NONE);
  }

  /**
   * With a random key for the e-mails' signed message ids: replies count only until a restart and
   * only for a poller given the same key. Use the overload with a kept key in the service.
   */
  public static NotificationDispatcher create(Vertx vertx, LeitwarteConfig.Notify config, Clock clock, PlaceNames names) {
    return create(vertx, config, clock, names, ReplyTokens.newKey());
  }

  /**
   * @param names what municipalities and sites are called, for the texts
   * @param replyKey at least 32 bytes, kept across restarts; the {@link ImapReplyPoller} must get the same
   */
  public static NotificationDispatcher create(
      Vertx vertx, LeitwarteConfig.Notify config, Clock clock, PlaceNames names, byte[] replyKey) {
    NotificationTexts texts = new NotificationTexts(clock, names);
    List<Channel> channels = new ArrayList<>();
    config.email().ifPresent(email ->
        channels.add(new EmailChannel(vertx, email, texts, config.imap().isPresent(), Optional.empty(), replyKey)));
    channels.add(new WebhookChannel(vertx, config.webhookSecret(), texts, clock, HTTP_TIMEOUT));
    config.sms().ifPresent(sms -> channels.add(new SmsChannel(vertx, sms, texts, HTTP_TIMEOUT)));
    return new NotificationDispatcher(vertx, channels, config.rateLimit(), config.retries(), clock);
  }

  public List<Channel> channels() {
    return channels;
  }

  @Override
  public Future<List<Delivery>> send(Notification notification) {
    Person person = notification.recipient();
    String reference = notification.incident().reference();
    List<Channel> reachable = channels.stream().filter(channel -> channel.address(person).isPresent()).toList();
    if (reachable.isEmpty()) {
      LOG.warn("{}: {} cannot be reached on any configured channel", reference, person.id());
      return Future.succeededFuture(List.of());
    }
    RateLimiter.Decision decision = limiter.admit(person.id(), notification.kind() != Notification.Kind.RESOLVED);
    if (decision instanceof RateLimiter.Decision.Suppress suppress) {
      LOG.info("{} {} to {}: rate limited ({} held back since the last notification that went out)",
          reference, notification.kind(), person.id(), suppress.suppressedSoFar());
      return Future.succeededFuture(reachable.stream()
          .map(channel -> new Delivery(channel.name(), person.id(), channel.address(person).orElse(""), false, 0, "rate limited", clock.instant()))
          .toList());
    }
    Envelope envelope = new Envelope(notification, ((RateLimiter.Decision.Send) decision).suppressedBefore());
    List<Future<Delivery>> deliveries = reachable.stream()
        .map(channel -> attempt(channel, envelope, channel.address(person).orElse(""), 1))
        .toList();
    return Future.join(deliveries).map(done -> deliveries.stream().map(Future::result).toList());
  }

  private Future<Delivery> attempt(Channel channel, Envelope envelope, String address, int attempt) {
    return oneAttempt(channel, envelope)
        .map(detail -> finished(channel, envelope, address, true, attempt, detail))
        .recover(error -> {
          String detail = DeliveryFailure.describe(error);
          if (DeliveryFailure.isPermanent(error) || attempt >= attempts) {
            return Future.succeededFuture(finished(channel, envelope, address, false, attempt, detail));
          }
          Duration delay = backoff.after(attempt);
          LOG.debug("{} {} to {} ({}): attempt {}/{} failed: {}; next in {} ms", envelope.reference(), channel.name(),
              envelope.recipient().id(), address, attempt, attempts, detail, delay.toMillis());
          return vertx.timer(Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS)
              .compose(fired -> attempt(channel, envelope, address, attempt + 1));
        });
  }

  private static Future<String> oneAttempt(Channel channel, Envelope envelope) {
    try {
      return channel.deliver(envelope).timeout(ATTEMPT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Delivery finished(Channel channel, Envelope envelope, String address, boolean delivered, int attempt, String detail) {
    String person = envelope.recipient().id();
    if (delivered) {
      LOG.debug("{} {} to {} ({}): attempt {} delivered: {}", envelope.reference(), channel.name(), person, address, attempt, detail);
      LOG.info("{} {} {} to {} ({}): delivered after {} attempt(s)", envelope.reference(), envelope.notification().kind(),
          channel.name(), person, address, attempt);
    } else {
      LOG.debug("{} {} to {} ({}): attempt {} failed: {}", envelope.reference(), channel.name(), person, address, attempt, detail);
      LOG.warn("{} {} {} to {} ({}): not delivered after {} attempt(s): {}", envelope.reference(),
          envelope.notification().kind(), channel.name(), person, address, attempt, detail);
    }
    return new Delivery(channel.name(), person, address, delivered, attempt, detail, clock.instant());
  }

  /** Closes every channel's connections. */
  public Future<Void> close() {
    return Future.join(channels.stream().map(Channel::close).toList()).mapEmpty();
  }
}
