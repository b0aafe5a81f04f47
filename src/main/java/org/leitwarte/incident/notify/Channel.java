package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import java.util.Optional;
import org.leitwarte.incident.Person;

/**
 * One way of reaching people (e-mail, webhook, SMS). A channel makes one attempt per call; retries,
 * backoff and the rate limit are the dispatcher's business.
 */
public interface Channel {

  /** {@code email}, {@code webhook}, {@code sms}: the name in {@link org.leitwarte.incident.Delivery}. */
  String name();

  /**
   * Where this channel would reach the person, for the delivery log: a mail address, a webhook's host
   * (never its full URL, which usually holds a token), a phone number. Empty: not reachable here.
   */
  Optional<String> address(Person person);

  /**
   * Makes one attempt.
   *
   * @return the server's answer for the timeline; fails with a {@link DeliveryFailure} (or any other
   *     exception, which counts as worth retrying) when the message was not taken
   */
  Future<String> deliver(Envelope envelope);

  /** Releases connections and pools. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
