package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.leitwarte.collect.snmp.CollectorHarness.only;
import static org.leitwarte.collect.snmp.CollectorHarness.samples;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;
import org.leitwarte.testsupport.SnmpsimExtension;
import org.leitwarte.testsupport.SnmpsimServer;

@ExtendWith(SnmpsimExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnmpCollectorSnmpsimTest {

  private static final long SLOT = 1_700_000_000_000L;

  private final SnmpsimServer snmpsim;
  private CollectorHarness harness;

  SnmpCollectorSnmpsimTest(SnmpsimServer snmpsim) {
    this.snmpsim = snmpsim;
  }

  @BeforeAll
  void startCollector() throws Exception {
    harness = new CollectorHarness();
  }

  @AfterAll
  void stopCollector() throws Exception {
    harness.close();
  }

  @Test
  void cisco_switch_yields_all_59_interfaces_with_names_speeds_and_counters() throws Exception {
    PollResult result = harness.poll(snmpsim.device("c3750"), SLOT);

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    Sample snmp = only(result, "snmp");
    assertThat(snmp.field("sys_name")).isEqualTo("Profiler3750");
    assertThat(snmp.field("sys_object_id")).isEqualTo("1.3.6.1.4.1.9.1.516");
    assertThat((String) snmp.field("sys_descr")).startsWith("Cisco IOS Software, C3750 Software");
    List<Sample> interfaces = samples(result, "interface");
    assertThat(interfaces).hasSize(SnmpsimServer.CISCO_INTERFACES);
    assertThat(interfaces).extracting(s -> s.tag("if_index")).doesNotHaveDuplicates().contains("1", "11001", "14501");
    Sample fa = byName(interfaces).get("Fa3/0/1");
    assertThat(fa.tag("if_index")).isEqualTo("11001");
    assertThat(fa.field("speed_bps")).isInstanceOf(Long.class);
    assertThat(fa.field("in_octets")).isInstanceOf(Long.class);
    assertThat(fa.field("alias")).isInstanceOf(String.class);
    assertThat(samples(result, "cpu")).isEmpty();
    assertThat(samples(result, "storage")).isEmpty();
    assertThat(samples(result, "load")).isEmpty();
  }

  @Test
  void in_bps_over_two_polls_equals_the_octet_delta_times_eight_per_second() throws Exception {
    Device device = snmpsim.device("c3750-rates");
    long start = System.nanoTime();
    PollResult first = harness.poll(device, SLOT);
    Thread.sleep(2000);
    PollResult second = harness.poll(device, SLOT + 60_000);
    double elapsedUpperBound = (System.nanoTime() - start) / 1e9;

    Map<String, Sample> before = byName(samples(first, "interface"));
    Map<String, Sample> after = byName(samples(second, "interface"));
    assertThat(after).hasSize(SnmpsimServer.CISCO_INTERFACES);
    // Two stack sub-interfaces of the recording have no counters at all.
    List<Sample> counted = after.values().stream().filter(s -> s.fields().containsKey("in_octets")).collect(Collectors.toList());
    assertThat(counted).hasSize(SnmpsimServer.CISCO_INTERFACES - 2);
    for (Sample now : counted) {
      Sample then = before.get(now.tag("if_name"));
      long deltaIn = (Long) now.field("in_octets") - (Long) then.field("in_octets");
      double bps = (Double) now.field("in_bps");
      // The collector divides by the time between the two responses, which lies between the
      // sleep and the whole test; snmpsim grows every counter by IN_OCTETS_PER_SECOND.
      assertThat(bps).as(now.tag("if_name")).isBetween(deltaIn * 8 / elapsedUpperBound, deltaIn * 8 / 2.0);
      assertThat(bps).as(now.tag("if_name")).isCloseTo(SnmpsimServer.IN_OCTETS_PER_SECOND * 8.0, within(SnmpsimServer.IN_OCTETS_PER_SECOND * 8 * 0.1));
      double outBps = (Double) now.field("out_bps");
      assertThat(outBps).isCloseTo(SnmpsimServer.OUT_OCTETS_PER_SECOND * 8.0, within(SnmpsimServer.OUT_OCTETS_PER_SECOND * 8 * 0.1));
      long speed = (Long) now.field("speed_bps");
      if (speed > 0) {
        assertThat((Double) now.field("util_in_pct")).isCloseTo(bps / speed * 100, within(1e-9));
      }
    }
  }

  private static Map<String, Sample> byName(List<Sample> interfaces) {
    return interfaces.stream().collect(Collectors.toMap(s -> s.tag("if_name"), Function.identity()));
  }
}
