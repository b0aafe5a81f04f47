package org.leitwarte.alerting;

/**
 * The latest {@code maxChanges + 1} condition transitions of one series, in a ring: enough to tell
 * whether more than {@code maxChanges} happened within a window, in constant space.
 */
final class TransitionWindow {

  private final long[] times;
  private int next;
  private int count;

  TransitionWindow(int maxChanges) {
    times = new long[maxChanges + 1];
  }

  void add(long at) {
    times[next] = at;
    next = (next + 1) % times.length;
    count = Math.min(count + 1, times.length);
  }

  /** More than {@code maxChanges} transitions in the window that ends at {@code now}. */
  boolean exceeded(long now, long windowMillis) {
    return count == times.length && now - times[next] < windowMillis;
  }

  /** The oldest transition kept; only meaningful when {@link #exceeded}. */
  long oldest() {
    return count == times.length ? times[next] : times[0];
  }

  long last() {
    return times[(next + times.length - 1) % times.length];
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Whether this window was made for {@code maxChanges} (a reloaded rule may have another). */
  boolean fits(int maxChanges) {
    return times.length == maxChanges + 1;
  }
}
