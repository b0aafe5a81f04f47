package org.leitwarte.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per client address, in memory (a restart forgets them; the per-user lock-out is in
 * the store). Failures older than the window are forgotten; at most {@value #MAX_ADDRESSES} addresses
 * are kept, the least recently failed dropped first, so a flood of addresses cannot exhaust memory.
 */
final class AddressThrottle {

  static final int MAX_ADDRESSES = 10_000;

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final int limit;
  private final Duration window;
  /** In order of the last failure (access order). */
  private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true);

  AddressThrottle(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /** Whether the address has failed {@code limit} times within the window. */
  synchronized boolean blocked(String address) {
    return count(address) >= limit;
  }

  /** Failures of the address within the window. */
  synchronized int count(String address) {
    Failures found = failures.get(address);
    if (found == null) {
      return 0;
    }
    if (found.last().plus(window).isBefore(clock.instant())) {
      failures.remove(address);
      return 0;
    }
    return found.count();
  }

  /** @return the failures of the address within the window, this one included */
  synchronized int failed(String address) {
    int count = count(address) + 1;
    failures.put(address, new Failures(count, clock.instant()));
    if (failures.size() > MAX_ADDRESSES) {
      Iterator<Map.Entry<String, Failures>> oldest = failures.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return count;
  }
}
