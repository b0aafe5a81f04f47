package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.collect.Sample;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class InterfaceSamplesTest {

  private static final MibProfiles PROFILES = MibProfiles.loadBuiltIn();
  private static final MibProfiles.OidGroup TABLE = PROFILES.table("interfaces");
  private static final Map<String, String> TAGS = Map.of("tenant", "t", "site", "s", "device", "d");
  private static final long SECOND = 1_000_000_000L;

  private final InterfaceSamples interfaces = new InterfaceSamples(PROFILES);
  private final CounterRates rates = new CounterRates(InterfaceSamples.COUNTERS);

  @Test
  void exceptions_and_odd_types_are_skipped_and_the_other_values_kept() {
    Row row = new Row(7)
        .set("ifDescr", new OctetString("GigabitEthernet0/7"))
        .set("ifAlias", Null.noSuchObject)
        .set("ifName", Null.noSuchInstance)
        .set("ifHCInOctets", Null.endOfMibView)
        .set("ifInOctets", new Counter32(1234))
        .set("ifSpeed", new OctetString("fast"))
        .set("ifHighSpeed", new Gauge32(1000))
        .set("ifOperStatus", new Integer32(1));

    Sample sample = single(row, 0);

    assertThat(sample.tag("if_name")).isEqualTo("GigabitEthernet0/7");
    assertThat(sample.tag("if_index")).isEqualTo("7");
    assertThat(sample.fields()).containsOnlyKeys("in_octets", "speed_bps", "oper_status", "alias");
    assertThat(sample.fields()).containsEntry("alias", "");
    assertThat(sample.field("in_octets")).isEqualTo(1234L);
    assertThat(sample.field("speed_bps")).isEqualTo(1_000_000_000L);
  }

  @ParameterizedTest(name = "ifSpeed {0}, ifHighSpeed {1} -> {2}")
  @CsvSource(nullValues = "none", textBlock = """
      100000000,  100,    100000000
      4294967295, 10000,  10000000000
      4294967295, none,   4294967295
      none,       40000,  40000000000
      0,          0,      0
      """)
  void speed_comes_from_ifSpeed_unless_it_is_saturated_or_absent(Long ifSpeed, Long ifHighSpeed, long expected) {
    Row row = new Row(1).set("ifOperStatus", new Integer32(1));
    if (ifSpeed != null) {
      row.set("ifSpeed", new Gauge32(ifSpeed));
    }
    if (ifHighSpeed != null) {
      row.set("ifHighSpeed", new Gauge32(ifHighSpeed));
    }

    assertThat(single(row, 0).field("speed_bps")).isEqualTo(expected);
  }

  @Test
  void sixty_four_bit_counters_win_over_thirty_two_bit_ones_and_rates_follow() {
    Row first = new Row(3).set("ifName", new OctetString("Te1/1"))
        .set("ifSpeed", new Gauge32(4294967295L)).set("ifHighSpeed", new Gauge32(10000))
        .set("ifInOctets", new Counter32(10)).set("ifHCInOctets", new Counter64(5_000_000_000L))
        .set("ifOutOctets", new Counter32(20)).set("ifHCOutOctets", new Counter64(7_000_000_000L))
        .set("ifInErrors", new Counter32(5)).set("ifOutErrors", new Counter32(0));
    Sample before = single(first, 0);
    assertThat(before.field("in_octets")).isEqualTo(5_000_000_000L);
    assertThat(before.fields()).doesNotContainKeys("in_bps", "util_in_pct", "in_errors_ps");

    Row second = new Row(3).set("ifName", new OctetString("Te1/1"))
        .set("ifSpeed", new Gauge32(4294967295L)).set("ifHighSpeed", new Gauge32(10000))
        .set("ifInOctets", new Counter32(10)).set("ifHCInOctets", new Counter64(5_125_000_000L))
        .set("ifOutOctets", new Counter32(20)).set("ifHCOutOctets", new Counter64(7_000_000_000L))
        .set("ifInErrors", new Counter32(15)).set("ifOutErrors", new Counter32(0));
    Sample after = single(second, 10 * SECOND);

    assertThat(after.field("in_bps")).isEqualTo(100_000_000.0);
    assertThat(after.field("util_in_pct")).isEqualTo(1.0);
    assertThat(after.field("out_bps")).isEqualTo(0.0);
    assertThat(after.field("in_errors_ps")).isEqualTo(1.0);
    assertThat(after.field("out_errors_ps")).isEqualTo(0.0);
  }

  private Sample single(Row row, long nanos) {
    List<Sample> out = new ArrayList<>();
    CounterRates.Poll poll = rates.begin("d", -1);
    interfaces.addTo(out, List.of(new TableWalk.Row(new OID(new int[] {row.index}), row.values, nanos)), TAGS, poll, 42L);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).timestampMillis()).isEqualTo(42L);
    return out.get(0);
  }

  /** A walked row built from real SNMP4J values. */
  private static final class Row {
    final int index;
    final VariableBinding[] values = new VariableBinding[TABLE.oids().length];

    Row(int index) {
      this.index = index;
    }

    Row set(String column, Variable value) {
      int at = TABLE.index(column);
      values[at] = new VariableBinding(new OID(TABLE.oids()[at]).append(index), value);
      return this;
    }
  }
}
