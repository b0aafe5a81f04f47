package org.leitwarte.alerting;

import java.util.HashMap;
import java.util.Map;
import org.leitwarte.collect.Sample;

/**
 * Reachability of devices judged from the samples the evaluator sees: the latest {@code icmp} sample
 * ({@code received == 0}: down, more: up) when the device is pinged, else the latest {@code snmp}
 * sample ({@code reachable == 0}: down, {@code 1}: up). One map look-up per such sample; a sample
 * older than the latest one already seen for that source is ignored. Not thread-safe: owned by the
 * evaluator's thread.
 */
public final class SampleReachability implements DeviceReachability {

  private static final byte UNKNOWN = 0;
  private static final byte UP = 1;
  private static final byte DOWN = 2;

  private final Map<String, State> devices = new HashMap<>();

  private static final class State {
    byte icmp = UNKNOWN;
    long icmpAt = Long.MIN_VALUE;
    byte snmp = UNKNOWN;
    long snmpAt = Long.MIN_VALUE;
  }

  /**
   * Takes note of {@code sample} if it is an {@code icmp} or {@code snmp} sample with a device;
   * returns whether that changed what {@link #isDown} or {@link #snmpDown} say about the device.
   */
  boolean observe(Sample sample) {
    String measurement = sample.measurement();
    boolean icmp = measurement.equals("icmp");
    if (!icmp && !measurement.equals("snmp")) {
      return false;
    }
    String device = sample.tag("device");
    Object field = sample.field(icmp ? "received" : "reachable");
    if (device == null || !(field instanceof Long number)) {
      return false;
    }
    State state = devices.computeIfAbsent(device, id -> new State());
    long at = sample.timestampMillis();
    byte judged = number == 0 ? DOWN : UP;
    byte before = icmp ? state.icmp : state.snmp;
    if (icmp && at >= state.icmpAt) {
      state.icmp = judged;
      state.icmpAt = at;
    } else if (!icmp && at >= state.snmpAt) {
      state.snmp = judged;
      state.snmpAt = at;
    } else {
      return false;
    }
    return before != judged;
  }

  @Override
  public boolean isDown(String deviceId) {
    State state = devices.get(deviceId);
    if (state == null) {
      return false;
    }
    return state.icmp != UNKNOWN ? state.icmp == DOWN : state.snmp == DOWN;
  }

  /** Whether the device has been pinged at all (its reachability then rests on ping alone). */
  public boolean isPinged(String deviceId) {
    State state = devices.get(deviceId);
    return state != null && state.icmp != UNKNOWN;
  }

  /** Whether the device's SNMP agent did not answer its latest poll (whatever ping says). */
  public boolean snmpDown(String deviceId) {
    State state = devices.get(deviceId);
    return state != null && state.snmp == DOWN;
  }

  void forget(String deviceId) {
    devices.remove(deviceId);
  }
}
