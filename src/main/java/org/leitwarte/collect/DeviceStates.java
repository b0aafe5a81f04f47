package org.leitwarte.collect;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last known condition of every device, judged from its most recent poll: reachable or not,
 * and each collector's status. Read by the health endpoint from any thread.
 */
public final class DeviceStates {

  /** What the last poll of a device said. */
  public record State(boolean reachable, Map<String, String> collectorStatus, String reason, long sinceMillis) {
    public State {
      collectorStatus = Map.copyOf(collectorStatus);
    }
  }

  private final Map<String, State> states = new ConcurrentHashMap<>();

  /**
   * Records a finished poll and tells whether the device's reachability changed.
   *
   * @param reachable judged by {@link #judgeReachable}
   * @return true when this poll changed the device from reachable to unreachable or back (the first
   *     poll of a device counts as a change only when it is unreachable)
   */
  public boolean record(String deviceId, boolean reachable, Map<String, String> collectorStatus, String reason, long now) {
    State previous = states.get(deviceId);
    boolean changed = previous == null ? !reachable : previous.reachable() != reachable;
    long since = previous != null && !changed ? previous.sinceMillis() : now;
    states.put(deviceId, new State(reachable, collectorStatus, reason, since));
    return changed;
  }

  public Optional<State> state(String deviceId) {
    return Optional.ofNullable(states.get(deviceId));
  }

  public void forget(String deviceId) {
    states.remove(deviceId);
  }

  public int unreachable() {
    int count = 0;
    for (State state : states.values()) {
      if (!state.reachable()) {
        count++;
      }
    }
    return count;
  }

  public int known() {
    return states.size();
  }

  /**
   * Whether a device answered this poll: by ICMP when it is pinged (any reply at all), else by SNMP
   * (anything but a timeout — a device that refuses our credentials is still there).
   *
   * @param results the results of this poll by collector name ({@code icmp}, {@code snmp}, …)
   */
  public static boolean judgeReachable(Map<String, PollResult> results) {
    PollResult icmp = results.get("icmp");
    if (icmp != null) {
      if (!(icmp instanceof PollResult.Ok)) {
        return false;
      }
      for (Sample sample : icmp.samples()) {
        if (sample.measurement().equals("icmp") && sample.field("received") instanceof Long received) {
          return received > 0;
        }
      }
      return false;
    }
    PollResult snmp = results.get("snmp");
    return snmp == null || !(snmp instanceof PollResult.Timeout);
  }
}
