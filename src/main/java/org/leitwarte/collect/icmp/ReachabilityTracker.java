package org.leitwarte.collect.icmp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each device's last ICMP state so that a state is logged when it changes, never per poll.
 * Thread-safe.
 */
final class ReachabilityTracker {

  enum State {
    /** At least one reply came. */
    REACHABLE,
    /** fping pinged the device and no reply came. */
    UNREACHABLE,
    /** fping could not ping it at all (bad address, fping failure). */
    FAILED
  }

  /**
   * A state with what explains it; a failure whose reason changes is a change too.
   *
   * @param reason why it failed, or empty for the other states
   */
  record Observation(State state, String reason) {
    Observation {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A device went from {@code before} (empty on its first poll) to {@code now}. */
  record Change(Optional<Observation> before, Observation now) {}

  private final Map<String, Observation> last = new ConcurrentHashMap<>();

  /** Records {@code now} for {@code deviceId}; returns the change, or empty when nothing changed. */
  Optional<Change> observe(String deviceId, Observation now) {
    Observation before = last.put(deviceId, now);
    return now.equals(before) ? Optional.empty() : Optional.of(new Change(Optional.ofNullable(before), now));
  }
}
