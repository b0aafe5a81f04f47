package org.leitwarte.collect.trap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: each source may send {@code perSecond} traps a second and
 * {@code burst} at once, so one storming device cannot starve the others or the service. The map of
 * sources is bounded; the least recently heard source is forgotten first (and starts full again).
 * Thread-safe.
 */
final class SourceRateLimiter {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  SourceRateLimiter(int perSecond, int burst, int maxSources, LongSupplier nanoTime) {
    if (perSecond < 1 || burst < 1 || maxSources < 1) {
      throw new IllegalArgumentException("perSecond, burst and maxSources must be positive");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxSources;
      }
    };
  }

  /** Takes a token for one message from {@code source}; false when its bucket is empty. */
  synchronized boolean tryAcquire(String source) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
    double elapsedSeconds = (double) (now - bucket.updated) / NANOS_PER_SECOND;
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, elapsedSeconds) * perSecond);
    bucket.updated = now;
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens -= 1;
    return true;
  }

  synchronized int sources() {
    return buckets.size();
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
