package org.leitwarte.metrics;

import java.time.Duration;

/** Exponential backoff between replay attempts: doubles from the first delay up to the maximum. */
final class RetryDelay {

  private final Duration first;
  private final Duration max;
  private Duration current;

  RetryDelay(Duration first, Duration max) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("retry delays must satisfy 0 < first <= max, got " + first + " and " + max);
    }
    this.first = first;
    this.max = max;
    this.current = first;
  }

  Duration first() {
    return first;
  }

  /** The delay before the next attempt; each call doubles it, up to the maximum. */
  Duration next() {
    Duration delay = current;
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }

  void reset() {
    current = first;
  }
}
