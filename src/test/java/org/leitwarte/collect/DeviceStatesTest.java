package org.leitwarte.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceStatesTest {

  private static PollResult ping(long received) {
    return new PollResult.Ok(List.of(new Sample("icmp", Map.of("device", "d"),
        Map.of("sent", 3L, "received", received, "loss_pct", 100.0 * (3 - received) / 3), 0)));
  }

  private static Map<String, PollResult> results(Object... nameAndResult) {
    Map<String, PollResult> results = new LinkedHashMap<>();
    for (int i = 0; i < nameAndResult.length; i += 2) {
      results.put((String) nameAndResult[i], (PollResult) nameAndResult[i + 1]);
    }
    return results;
  }

  @Test
  void a_pinged_device_is_judged_by_its_ping_alone() {
    PollResult snmpTimeout = new PollResult.Timeout(List.of());
    assertThat(DeviceStates.judgeReachable(results("icmp", ping(1), "snmp", snmpTimeout))).isTrue();
    assertThat(DeviceStates.judgeReachable(results("icmp", ping(0), "snmp", new PollResult.Ok(List.of())))).isFalse();
    assertThat(DeviceStates.judgeReachable(results("icmp", new PollResult.Error("bad address", List.of())))).isFalse();
  }

  @Test
  void a_device_only_polled_over_snmp_is_unreachable_only_when_snmp_times_out() {
    assertThat(DeviceStates.judgeReachable(results("snmp", new PollResult.Timeout(List.of())))).isFalse();
    assertThat(DeviceStates.judgeReachable(results("snmp", new PollResult.AuthFailure("wrong digest", List.of())))).isTrue();
    assertThat(DeviceStates.judgeReachable(results("snmp", new PollResult.Ok(List.of())))).isTrue();
  }

  @Test
  void only_changes_of_reachability_are_reported_and_the_since_time_stays() {
    DeviceStates states = new DeviceStates();
    assertThat(states.record("d", true, Map.of("snmp", "ok"), null, 1_000)).isFalse();
    assertThat(states.record("d", true, Map.of("snmp", "ok"), null, 2_000)).isFalse();
    assertThat(states.state("d").orElseThrow().sinceMillis()).isEqualTo(1_000);
    assertThat(states.record("d", false, Map.of("snmp", "timeout"), "snmp: no answer", 3_000)).isTrue();
    assertThat(states.record("d", false, Map.of("snmp", "timeout"), "snmp: no answer", 4_000)).isFalse();
    assertThat(states.unreachable()).isEqualTo(1);
    assertThat(states.state("d").orElseThrow().sinceMillis()).isEqualTo(3_000);
    assertThat(states.record("d", true, Map.of("snmp", "ok"), null, 5_000)).isTrue();
    assertThat(states.unreachable()).isZero();
  }

  @Test
  void a_device_first_seen_unreachable_counts_as_a_change() {
    DeviceStates states = new DeviceStates();
    assertThat(states.record("d", false, Map.of("icmp", "ok"), "no reply to ping", 1_000)).isTrue();
  }
}
