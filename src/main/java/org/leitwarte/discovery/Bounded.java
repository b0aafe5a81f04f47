package org.leitwarte.discovery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs an asynchronous step for every item with at most so many in flight, keeping the items' order. */
final class Bounded {

  private Bounded() {}

  /** Fails with the first failure; the steps already started still run to their end. */
  static <T, R> Future<List<R>> map(List<T> items, int limit, Function<T, Future<R>> step) {
    if (items.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Promise<List<R>> promise = Promise.promise();
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] startNext = new Runnable[1];
    startNext[0] = () -> {
      int index = next.getAndIncrement();
      if (index >= items.size()) {
        return;
      }
      Future<R> future;
      try {
        future = step.apply(items.get(index));
      } catch (RuntimeException e) {
        future = Future.failedFuture(e);
      }
      future.onComplete(outcome -> {
        if (outcome.failed()) {
          promise.tryFail(outcome.cause());
        } else {
          results[index] = outcome.result();
        }
        if (finished.incrementAndGet() == items.size()) {
          @SuppressWarnings("unchecked")
          List<R> all = (List<R>) new ArrayList<>(Arrays.asList(results));
          promise.tryComplete(all);
        } else {
          startNext[0].run();
        }
      });
    };
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      startNext[0].run();
    }
    return promise.future();
  }
}
