package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.Sample;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class HostResourceSamplesTest {

  private static final MibProfiles PROFILES = MibProfiles.loadBuiltIn();
  private static final Map<String, String> TAGS = Map.of("tenant", "t", "site", "s", "device", "host");

  private final HostResourceSamples hostResources = new HostResourceSamples(PROFILES);
  private final LoadSamples load = new LoadSamples(PROFILES);

  @Test
  void cpu_has_a_point_per_processor_and_their_average() {
    List<Sample> out = new ArrayList<>();
    hostResources.addCpu(out, List.of(
        row("processors", 196608, "hrProcessorLoad", new Integer32(10)),
        row("processors", 196609, "hrProcessorLoad", new Integer32(30)),
        row("processors", 196610, "hrProcessorLoad", Null.noSuchInstance)), TAGS, 5L);

    assertThat(out).extracting(s -> s.tag("cpu"), s -> s.field("load_pct"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("196608", 10.0),
            org.assertj.core.groups.Tuple.tuple("196609", 30.0),
            org.assertj.core.groups.Tuple.tuple("all", 20.0));
    assertThat(out).allSatisfy(s -> assertThat(s.tags()).containsEntry("device", "host"));
  }

  @Test
  void storage_is_sized_in_bytes_and_typed_ram_disk_or_other() {
    List<Sample> out = new ArrayList<>();
    hostResources.addStorage(out, List.of(
        storage(1, "1.3.6.1.2.1.25.2.1.2", "Physical memory", 1024, 1000, 250),
        storage(31, "1.3.6.1.2.1.25.2.1.4", "/", 4096, 2000, 1500),
        storage(10, "1.3.6.1.2.1.25.2.1.3", "Virtual memory", 1024, 0, 0),
        storage(40, "1.3.6.1.2.1.25.2.1.10", "/mnt/nfs", 4096, 10, 5)), TAGS, 5L);

    assertThat(out).extracting(s -> s.tag("storage"), s -> s.tag("type"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Physical memory", "ram"),
            org.assertj.core.groups.Tuple.tuple("/", "disk"),
            org.assertj.core.groups.Tuple.tuple("Virtual memory", "other"),
            org.assertj.core.groups.Tuple.tuple("/mnt/nfs", "disk"));
    Sample root = out.get(1);
    assertThat(root.fields()).containsEntry("size_bytes", 8_192_000L).containsEntry("used_bytes", 6_144_000L)
        .containsEntry("used_pct", 75.0);
    assertThat(out.get(2).fields()).as("empty: no percentage").containsOnlyKeys("size_bytes", "used_bytes");
  }

  @Test
  void load_averages_come_from_the_three_la_rows() {
    List<Sample> out = new ArrayList<>();
    load.addTo(out, List.of(
        row("load", 1, "laLoad", new OctetString("0.15")),
        row("load", 2, "laLoad", new OctetString("1.50")),
        row("load", 3, "laLoad", new OctetString("not a number"))), TAGS, 5L);

    assertThat(out).singleElement().satisfies(sample -> {
      assertThat(sample.measurement()).isEqualTo("load");
      assertThat(sample.fields()).containsOnly(Map.entry("load1", 0.15), Map.entry("load5", 1.5));
    });
  }

  private static TableWalk.Row storage(int index, String type, String descr, int units, int size, int used) {
    MibProfiles.OidGroup table = PROFILES.table("storage");
    VariableBinding[] values = new VariableBinding[table.oids().length];
    put(table, values, index, "hrStorageType", new OID(type));
    put(table, values, index, "hrStorageDescr", new OctetString(descr));
    put(table, values, index, "hrStorageAllocationUnits", new Integer32(units));
    put(table, values, index, "hrStorageSize", new Integer32(size));
    put(table, values, index, "hrStorageUsed", new Integer32(used));
    return new TableWalk.Row(new OID(new int[] {index}), values, 0);
  }

  private static TableWalk.Row row(String tableName, int index, String column, Variable value) {
    MibProfiles.OidGroup table = PROFILES.table(tableName);
    VariableBinding[] values = new VariableBinding[table.oids().length];
    put(table, values, index, column, value);
    return new TableWalk.Row(new OID(new int[] {index}), values, 0);
  }

  private static void put(MibProfiles.OidGroup table, VariableBinding[] values, int index, String column, Variable value) {
    int at = table.index(column);
    values[at] = new VariableBinding(new OID(table.oids()[at]).append(index), value);
  }
}
