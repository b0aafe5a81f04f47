package org.leitwarte.incident;

import io.vertx.core.Future;
import java.util.List;

/**
 * Sends a notification on every channel the person can be reached on, with retries, backoff and a
 * per-person rate limit. The future completes when every channel has delivered or given up — which
 * may take minutes: callers must not make the next escalation step wait for it.
 */
public interface Notifications {

  Future<List<Delivery>> send(Notification notification);
}
