package org.leitwarte.alerting;

import java.time.Instant;
import java.util.Map;
import org.leitwarte.collect.Sample;

/** Samples as the collectors make them, at a time in seconds after {@link #T0}. */
final class TestSamples {

  static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

  private TestSamples() {}

  static long at(long seconds) {
    return T0.plusSeconds(seconds).toEpochMilli();
  }

  static Instant instant(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static Map<String, String> tags(String device) {
    return Map.of("tenant", "t1", "site", "s1", "device", device);
  }

  static Sample iface(String device, String ifIndex, long operStatus, long seconds) {
    Map<String, String> tags = new java.util.HashMap<>(tags(device));
    tags.put("if_index", ifIndex);
    tags.put("if_name", "Gi1/0/" + ifIndex);
    return new Sample("interface", tags, Map.of("oper_status", operStatus, "admin_status", 1L), at(seconds));
  }

  static Sample cpu(String device, double loadPct, long seconds) {
    return new Sample("cpu", Map.of("tenant", "t1", "site", "s1", "device", device, "cpu", "0"),
        Map.of("load_pct", loadPct), at(seconds));
  }

  static Sample icmp(String device, long received, long seconds) {
    return new Sample("icmp", tags(device), Map.of("sent", 3L, "received", received), at(seconds));
  }

  static Sample snmp(String device, long reachable, long seconds) {
    return new Sample("snmp", tags(device), Map.of("reachable", reachable, "status", reachable == 1 ? "ok" : "timeout"),
        at(seconds));
  }
}
