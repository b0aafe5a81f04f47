package org.leitwarte.collect.icmp;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gathers ping requests for a short window after the first one, or until {@code batchSize} distinct
 * addresses are pending, and hands each batch on. Requests for the same address share one entry, so
 * fping pings it once. Thread-safe: poll() may be called from any context.
 */
final class PingBatcher {

  private final Vertx vertx;
  private final long windowMillis;
  private final int batchSize;
  private final Consumer<List<List<PingRequest>>> dispatch;

  /** Pending requests by {@link IcmpAddress#key()}. */
  private Map<String, List<PingRequest>> pending = new LinkedHashMap<>();
  private long timerId = -1;

  /**
   * @param dispatch receives each batch: one list of requests per distinct address, off any lock
   */
  PingBatcher(Vertx vertx, Duration window, int batchSize, Consumer<List<List<PingRequest>>> dispatch) {
    this.vertx = vertx;
    this.windowMillis = Math.max(1, window.toMillis());
    this.batchSize = batchSize;
    this.dispatch = dispatch;
  }

  void add(PingRequest request) {
    List<List<PingRequest>> full = null;
    synchronized (this) {
      pending.computeIfAbsent(request.address().key(), key -> new ArrayList<>()).add(request);
      if (pending.size() >= batchSize) {
        full = take();
      } else if (timerId == -1) {
        timerId = vertx.setTimer(windowMillis, this::windowClosed);
      }
    }
    if (full != null) {
      dispatch.accept(full);
    }
  }

  /** Removes and returns every pending request, e.g. on shutdown. */
  synchronized List<PingRequest> drain() {
    List<PingRequest> all = new ArrayList<>();
    take().forEach(all::addAll);
    return all;
  }

  private void windowClosed(long firedTimerId) {
    List<List<PingRequest>> batch;
    synchronized (this) {
      if (firedTimerId != timerId) {
        return; // the batch filled up and left before the window closed
      }
      batch = take();
    }
    if (!batch.isEmpty()) {
      dispatch.accept(batch);
    }
  }

  private List<List<PingRequest>> take() {
    if (timerId != -1) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    List<List<PingRequest>> batch = new ArrayList<>(pending.values());
    pending = new LinkedHashMap<>();
    return batch;
  }
}
