package org.leitwarte.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressRangesTest {

  @Test
  void a_slash_28_is_its_fourteen_host_addresses_without_network_and_broadcast() {
    List<String> addresses = AddressRanges.expand(List.of("127.0.0.0/28"), 1024);

    assertThat(addresses).hasSize(14).startsWith("127.0.0.1", "127.0.0.2").endsWith("127.0.0.14")
        .doesNotContain("127.0.0.0", "127.0.0.15");
  }

  @ParameterizedTest(name = "{0} → {1} addresses")
  @CsvSource({
      "192.0.2.7/32, 1, 192.0.2.7",
      "192.0.2.7, 1, 192.0.2.7",
      "192.0.2.6/31, 2, 192.0.2.6",
      "192.0.2.4/30, 2, 192.0.2.5",
      "192.0.2.0/24, 254, 192.0.2.1",
      "192.0.2.77/24, 254, 192.0.2.1"})
  void single_addresses_and_small_subnets_expand_as_an_administrator_expects(String range, int count, String first) {
    List<String> addresses = AddressRanges.expand(List.of(range), 1024);

    assertThat(addresses).hasSize(count).first().isEqualTo(first);
  }

  @Test
  void several_ranges_are_swept_in_order_and_an_address_in_two_of_them_once() {
    List<String> addresses = AddressRanges.expand(List.of("127.0.0.8/30", "127.0.0.1/32", "127.0.0.9/32"), 1024);

    assertThat(addresses).containsExactly("127.0.0.9", "127.0.0.10", "127.0.0.1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/8|'10.0.0.0/8' has 16777214 addresses, more than discovery.max_addresses (1024) allows",
      "192.0.2.0/33|'192.0.2.0/33' is not a CIDR range: the prefix length must be 0 to 32",
      "192.0.2.0/|'192.0.2.0/' is not a CIDR range",
      "256.0.0.0/24|'256.0.0.0/24' is not a CIDR range",
      "wernigerode.example/24|'wernigerode.example/24' is not a CIDR range",
      "2001:db8::/64|'2001:db8::/64' is not a CIDR range: expected an IPv4 network",
      "010.0.0.0/24|'010.0.0.0/24' is not a CIDR range"})
  void a_range_that_is_no_cidr_or_too_large_is_refused_naming_it(String range, String message) {
    assertThatThrownBy(() -> AddressRanges.expand(List.of("127.0.0.0/30", range), 1024))
        .isInstanceOf(DiscoveryRefusedException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((DiscoveryRefusedException) e).field()).isEqualTo("ranges[1]"));
  }

  @Test
  void ranges_that_are_each_allowed_are_refused_when_together_they_exceed_the_limit() {
    assertThatThrownBy(() -> AddressRanges.expand(List.of("192.0.2.0/24", "198.51.100.0/24"), 300))
        .isInstanceOf(DiscoveryRefusedException.class)
        .hasMessageContaining("with '198.51.100.0/24' the ranges have 508 addresses together, more than discovery.max_addresses (300)");
  }

  @Test
  void the_limit_is_the_configured_one() {
    assertThat(AddressRanges.expand(List.of("10.0.0.0/22"), 1022)).hasSize(1022);
    assertThatThrownBy(() -> AddressRanges.expand(List.of("10.0.0.0/22"), 1021)).hasMessageContaining("1022 addresses");
  }

  @Test
  void no_range_at_all_is_refused() {
    assertThatThrownBy(() -> AddressRanges.expand(List.of(), 1024))
        .isInstanceOf(DiscoveryRefusedException.class).hasMessageContaining("at least one CIDR range");
  }
}
