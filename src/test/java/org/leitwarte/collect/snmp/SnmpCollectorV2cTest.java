package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.collect.snmp.CollectorHarness.only;
import static org.leitwarte.collect.snmp.CollectorHarness.samples;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;
import org.leitwarte.testsupport.SnmpdExtension;
import org.leitwarte.testsupport.SnmpdServer;

@ExtendWith(SnmpdExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnmpCollectorV2cTest {

  private static final long SLOT = 1_700_000_000_000L;

  private final SnmpdServer snmpd;
  private CollectorHarness harness;

  SnmpCollectorV2cTest(SnmpdServer snmpd) {
    this.snmpd = snmpd;
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
  void v2c_poll_yields_system_interface_storage_and_load_samples_tagged_with_the_device() throws Exception {
    Device device = snmpd.device("v2c-host", snmpd.v2cSettings());

    PollResult result = harness.poll(device, SLOT);

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    assertThat(result.samples()).allSatisfy(sample -> {
      assertThat(sample.tags()).containsAllEntriesOf(Map.of("tenant", "test", "site", "lab", "device", "v2c-host"));
      assertThat(sample.timestampMillis()).isEqualTo(SLOT);
    });
    Sample snmp = only(result, "snmp");
    assertThat(snmp.field("reachable")).isEqualTo(1L);
    assertThat(snmp.field("status")).isEqualTo("ok");
    assertThat(snmp.field("sys_name")).isEqualTo(SnmpdServer.SYS_NAME);
    assertThat((String) snmp.field("sys_descr")).startsWith("Linux");
    assertThat((String) snmp.field("sys_object_id")).startsWith("1.3.6.1.4.1.8072.");
    assertThat(snmp.field("uptime_s")).isInstanceOf(Long.class);
    assertThat((Double) snmp.field("response_ms")).isPositive();

    List<Sample> interfaces = samples(result, "interface");
    assertThat(interfaces).isNotEmpty();
    Sample loopback = interfaces.stream().filter(s -> "lo".equals(s.tag("if_name"))).findFirst().orElseThrow();
    assertThat(loopback.tag("if_index")).isEqualTo("1");
    assertThat(loopback.field("oper_status")).isEqualTo(1L);
    assertThat(loopback.field("admin_status")).isEqualTo(1L);
    assertThat(loopback.field("in_octets")).isInstanceOf(Long.class);
    assertThat(loopback.field("out_errors")).isInstanceOf(Long.class);
    assertThat(loopback.field("in_discards")).isInstanceOf(Long.class);
    assertThat(loopback.fields()).doesNotContainKeys("in_bps", "out_bps", "in_errors_ps");

    List<Sample> storage = samples(result, "storage");
    assertThat(storage).extracting(s -> s.tag("type")).contains("ram", "disk");
    Sample ram = storage.stream().filter(s -> "ram".equals(s.tag("type"))).findFirst().orElseThrow();
    assertThat(ram.tag("storage")).isEqualTo("Physical memory");
    assertThat((Long) ram.field("size_bytes")).isPositive();
    assertThat(ram.field("used_bytes")).isInstanceOf(Long.class);
    assertThat((Double) ram.field("used_pct")).isBetween(0.0, 100.0);

    Sample load = only(result, "load");
    assertThat(load.fields()).containsOnlyKeys("load1", "load5", "load15");
    assertThat(load.field("load1")).isInstanceOf(Double.class);
  }

  @Test
  void second_poll_yields_interface_rates_as_doubles() throws Exception {
    // net-snmp caches ifTable for about 5 s, so the deltas here may be zero; the arithmetic
    // against moving counters is checked with snmpsim (SnmpCollectorSnmpsimTest).
    Device device = snmpd.device("v2c-rates", snmpd.v2cSettings());
    PollResult first = harness.poll(device, SLOT);
    Thread.sleep(200);
    PollResult second = harness.poll(device, SLOT + 60_000);

    assertThat(loopback(first).fields()).doesNotContainKeys("in_bps", "out_bps", "in_errors_ps", "out_errors_ps");
    Sample after = loopback(second);
    assertThat(after.fields()).containsKeys("in_bps", "out_bps", "in_errors_ps", "out_errors_ps", "util_in_pct", "util_out_pct");
    assertThat(after.field("in_bps")).isInstanceOfSatisfying(Double.class, bps -> assertThat(bps).isNotNegative());
    assertThat(after.field("in_errors_ps")).isEqualTo(0.0);
    assertThat(after.timestampMillis()).isEqualTo(SLOT + 60_000);
  }

  @Test
  void v1_poll_walks_with_getnext_and_yields_the_same_measurements() throws Exception {
    PollResult result = harness.poll(snmpd.device("v1-host", snmpd.v1Settings()), SLOT);

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    assertThat(result.samples()).extracting(Sample::measurement).contains("snmp", "interface", "storage", "load");
  }

  @Test
  void no_such_object_for_one_value_keeps_the_others() throws Exception {
    Device device = snmpd.device("restricted", snmpd.communitySettings(SnmpVersion.V2C, SnmpdServer.RESTRICTED_COMMUNITY));

    PollResult result = harness.poll(device, SLOT);

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    Sample snmp = only(result, "snmp");
    assertThat(snmp.fields()).doesNotContainKey("sys_name").containsKeys("sys_descr", "uptime_s", "sys_object_id");
    Sample loopback = loopback(result);
    // The hidden ifAlias comes out as an empty description, so rules can rely on the field.
    assertThat(loopback.fields()).containsEntry("alias", "").containsKeys("in_octets", "oper_status");
    assertThat(loopback.tag("if_name")).isEqualTo("lo");
  }

  @Test
  void wrong_community_is_a_timeout_with_reachable_zero() throws Exception {
    Device device = snmpd.device("wrong-community", snmpd.communitySettings(SnmpVersion.V2C, "not-the-community"));

    PollResult result = harness.poll(device, SLOT);

    assertThat(result).isInstanceOf(PollResult.Timeout.class);
    assertThat(result.samples()).singleElement().satisfies(sample -> {
      assertThat(sample.measurement()).isEqualTo("snmp");
      assertThat(sample.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("reachable", 0L, "status", "timeout"));
    });
  }

  @Test
  void a_missing_community_secret_is_an_error_naming_the_variable() throws Exception {
    Device device = snmpd.device("env-community", snmpd.communitySettings(SnmpVersion.V2C, "${env:LEITWARTE_TEST_NO_SUCH_VARIABLE}"));

    PollResult result = harness.poll(device, SLOT);

    assertThat(result).isInstanceOfSatisfying(PollResult.Error.class,
        error -> assertThat(error.reason()).contains("LEITWARTE_TEST_NO_SUCH_VARIABLE"));
    assertThat(only(result, "snmp").field("status")).isEqualTo("error");
  }

  private static Sample loopback(PollResult result) {
    return samples(result, "interface").stream().filter(s -> "lo".equals(s.tag("if_name"))).findFirst().orElseThrow();
  }
}
