package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.leitwarte.incident.Delivery;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Notifications;

/** Keeps every notification; delivers by e-mail at once, fails, or never answers. */
final class RecordingNotifications implements Notifications {

  enum Behaviour { DELIVER, FAIL, NEVER_ANSWER }

  final List<Notification> sent = new CopyOnWriteArrayList<>();
  private final Clock clock;
  volatile Behaviour behaviour = Behaviour.DELIVER;

  RecordingNotifications(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<List<Delivery>> send(Notification notification) {
    sent.add(notification);
    String person = notification.recipient().id();
    return switch (behaviour) {
      case DELIVER -> Future.succeededFuture(List.of(new Delivery("email", person,
          notification.recipient().email().orElse(""), true, 1, "250 2.0.0 OK", clock.instant())));
      case FAIL -> Future.succeededFuture(List.of(new Delivery("email", person,
          notification.recipient().email().orElse(""), false, 4, "connection refused", clock.instant())));
      case NEVER_ANSWER -> Promise.<List<Delivery>>promise().future();
    };
  }

  /** Who was told what: {@code mmueller:TRIGGERED:1}. */
  List<String> summary() {
    return sent.stream().map(n -> n.recipient().id() + ":" + n.kind() + ":" + n.level()).toList();
  }
}
