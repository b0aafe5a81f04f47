package org.leitwarte.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceIdsTest {

  @ParameterizedTest(name = "sysName ''{0}'' → {1}")
  @CsvSource(delimiter = '|', value = {
      "Profiler3750|profiler3750",
      "Rathaus-Switch 1|rathaus-switch-1",
      "Bürgerbüro Straße|buergerbuero-strasse",
      "SW1.Wernigerode.local|sw1.wernigerode.local",
      "--router--|router",
      "#core: a/b|core-a-b",
      "'   '|host-192-0-2-7",
      "日本|host-192-0-2-7"})
  void the_id_comes_from_the_sysname_in_the_inventory_form(String sysName, String id) {
    String derived = DeviceIds.derive(sysName, "192.0.2.7");

    assertThat(derived).isEqualTo(id).matches("[a-z0-9][a-z0-9._-]*");
  }

  @Test
  void without_a_sysname_the_address_names_the_device() {
    assertThat(DeviceIds.derive(null, "127.0.0.1")).isEqualTo("host-127-0-0-1");
  }

  @Test
  void a_long_sysname_is_cut_to_sixty_three_characters() {
    assertThat(DeviceIds.derive("a".repeat(100), "192.0.2.7")).hasSize(DeviceIds.MAX_LENGTH);
  }

  @Test
  void an_id_already_taken_gets_the_next_free_number() {
    assertThat(DeviceIds.unique("switch", Set.of())).isEqualTo("switch");
    assertThat(DeviceIds.unique("switch", Set.of("switch", "switch-2"))).isEqualTo("switch-3");
    assertThat(DeviceIds.unique("a".repeat(63), Set.of("a".repeat(63)))).hasSize(63).endsWith("-2");
  }
}
