package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs work one piece after another, each when the one before is done (failed or not): alert changes,
 * escalation ticks and changes by people never interleave, so two alerts of one group never make two
 * incidents and a tick never races an acknowledgement in this process.
 */
final class Serial {

  private Future<Void> tail = Future.succeededFuture();

  synchronized <T> Future<T> run(Supplier<Future<T>> work) {
    Future<T> result = tail.transform(ignored -> {
      try {
        return work.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    tail = result.transform(ignored -> Future.succeededFuture());
    return result;
  }

  /** Completes when everything queued so far is done. */
  synchronized Future<Void> idle() {
    return tail;
  }
}
