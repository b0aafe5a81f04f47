package org.leitwarte.collect.trap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.Schema;
import org.leitwarte.inventory.Device;

class TrapEventsTest {

  private static final Device SWITCH = new Device("wr-sw1", "wernigerode", "wr-rathaus", "192.0.2.10", Optional.empty(), false,
      Duration.ofMinutes(1), Optional.empty(), Map.of(), List.of(), "inventory.yaml:3");

  private static ReceivedTrap.Binding binding(String oid, long value) {
    return new ReceivedTrap.Binding(oid, Long.toString(value), OptionalLong.of(value));
  }

  private static ReceivedTrap.Binding text(String oid, String value) {
    return new ReceivedTrap.Binding(oid, value, OptionalLong.empty());
  }

  private static ReceivedTrap linkDown(String source, ReceivedTrap.Binding... more) {
    List<ReceivedTrap.Binding> bindings = new java.util.ArrayList<>(List.of(
        binding("1.3.6.1.2.1.2.2.1.1.3", 3), binding("1.3.6.1.2.1.2.2.1.7.3", 1), binding("1.3.6.1.2.1.2.2.1.8.3", 2)));
    bindings.addAll(List.of(more));
    return new ReceivedTrap(source, "2c", false, TrapNames.LINK_DOWN, bindings, 1_000L);
  }

  @Test
  void a_link_down_names_the_interface_as_the_poll_does_and_fits_the_schema() {
    InterfaceNames names = new InterfaceNames(10);
    names.put("wr-sw1", "3", "Gi0/3");
    TrapEvent event = TrapEvents.event(linkDown("192.0.2.10", text("1.3.6.1.2.1.2.2.1.2.3", "GigabitEthernet0/3")),
        Optional.of(SWITCH), names);

    Sample sample = TrapEvents.sample(event);
    assertThat(sample.tags()).containsExactlyInAnyOrderEntriesOf(
        Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", "wr-sw1", "if_index", "3", "if_name", "Gi0/3"));
    assertThat(sample.fields()).containsEntry("trap", "linkDown").containsEntry("admin_status", 1L).containsEntry("oper_status", 2L)
        .containsEntry("varbinds", "1.3.6.1.2.1.2.2.1.1.3=3, 1.3.6.1.2.1.2.2.1.7.3=1, 1.3.6.1.2.1.2.2.1.8.3=2, "
            + "1.3.6.1.2.1.2.2.1.2.3=GigabitEthernet0/3");
    Schema.Measurement schema = Schema.standard().measurement("snmp_trap").orElseThrow();
    assertThat(schema.allTags()).containsAll(sample.tags().keySet());
    sample.fields().forEach((field, value) ->
        assertThat(value).as(field).isInstanceOf(schema.fields().get(field).javaType()));
  }

  @Test
  void without_a_polled_name_the_trap_own_if_name_or_if_descr_is_used() {
    InterfaceNames none = new InterfaceNames(10);
    assertThat(TrapEvents.event(linkDown("192.0.2.10", text("1.3.6.1.2.1.2.2.1.2.3", "eth3")), Optional.of(SWITCH), none)
        .ifName()).contains("eth3");
    assertThat(TrapEvents.event(linkDown("192.0.2.10", text("1.3.6.1.2.1.2.2.1.2.3", "eth3"), text("1.3.6.1.2.1.31.1.1.1.1.3", "Gi0/3")),
        Optional.of(SWITCH), none).ifName()).contains("Gi0/3");
    assertThat(TrapEvents.event(linkDown("192.0.2.10"), Optional.of(SWITCH), none).ifName()).isEmpty();
  }

  @Test
  void the_interface_index_comes_from_the_status_bindings_when_if_index_is_missing() {
    ReceivedTrap trap = new ReceivedTrap("192.0.2.10", "1", false, TrapNames.LINK_UP,
        List.of(binding("1.3.6.1.2.1.2.2.1.8.12", 1)), 0L);
    assertThat(TrapEvents.ifIndex(trap)).contains("12");
    ReceivedTrap cold = new ReceivedTrap("192.0.2.10", "1", false, TrapNames.COLD_START, List.of(), 0L);
    assertThat(TrapEvents.ifIndex(cold)).isEmpty();
  }

  @Test
  void a_trap_from_an_unknown_address_belongs_to_tenant_unknown_with_the_address_as_device() {
    TrapEvent event = TrapEvents.event(linkDown("198.51.100.7"), new SourceDevices(List.of(SWITCH)).device("198.51.100.7"),
        new InterfaceNames(10));
    assertThat(event.tenant()).isEqualTo("_unknown");
    assertThat(event.site()).isEqualTo("-");
    assertThat(event.device()).isEqualTo("198.51.100.7");
    assertThat(event.knownSource()).isFalse();
  }

  @Test
  void devices_are_found_by_their_address_in_any_spelling() {
    Device v6 = new Device("wr-fw", "wernigerode", "-", "2001:db8::1", Optional.empty(), false, Duration.ofMinutes(1), Optional.empty(),
        Map.of(), List.of(), "inventory.yaml:9");
    SourceDevices devices = new SourceDevices(List.of(SWITCH, v6));
    assertThat(devices.device("2001:db8:0:0:0:0:0:1")).contains(v6);
    assertThat(devices.device("192.0.2.10")).contains(SWITCH);
    assertThat(devices.device("192.0.2.11")).isEmpty();
  }

  @Test
  void v1_traps_map_to_v2_trap_oids_and_enterprise_traps_are_named_by_oid() {
    assertThat(TrapNames.v1TrapOid("1.3.6.1.4.1.9", 2, 0)).contains(TrapNames.LINK_DOWN);
    assertThat(TrapNames.v1TrapOid("1.3.6.1.4.1.9", 4, 0)).contains(TrapNames.AUTHENTICATION_FAILURE);
    assertThat(TrapNames.v1TrapOid("1.3.6.1.4.1.9", 6, 1)).contains("1.3.6.1.4.1.9.0.1");
    assertThat(TrapNames.v1TrapOid("1.3.6.1.4.1.9", 7, 0)).isEmpty();
    assertThat(TrapNames.name("1.3.6.1.4.1.9.0.1")).isEqualTo("1.3.6.1.4.1.9.0.1");
    assertThat(TrapNames.name(TrapNames.WARM_START)).isEqualTo("warmStart");
  }

  @Test
  void long_bindings_are_shortened() {
    ReceivedTrap trap = new ReceivedTrap("192.0.2.10", "2c", false, "1.3.6.1.4.1.9.0.1",
        List.of(text("1.3.6.1.4.1.9.1", "x".repeat(5000))), 0L);
    assertThat(TrapEvents.varbinds(trap)).hasSize(TrapEvents.MAX_VARBINDS_CHARS).endsWith("…");
  }
}
