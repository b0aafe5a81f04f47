package org.leitwarte.incident.notify;

import java.time.Duration;

/** Exponential backoff: the first delay, doubled after every failed attempt, never more than the maximum. */
record Backoff(Duration firstDelay, Duration maxDelay) {

  /** How long to wait after failed attempt {@code attempt} (1 = the first). */
  Duration after(int attempt) {
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
