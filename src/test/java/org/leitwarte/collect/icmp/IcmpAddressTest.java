package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IcmpAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "192.0.2.10", "10.200.3.4"})
  void an_ipv4_literal_goes_to_fping_as_written(String text) {
    IcmpAddress address = IcmpAddress.parse(text);

    assertThat(address.literal()).isEqualTo(text);
    assertThat(address.ipv6()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"::1", "2001:db8::1", "fe80::1%eth0", "FE80::A:B%lo"})
  void an_ipv6_literal_goes_to_fping_as_written(String text) {
    IcmpAddress address = IcmpAddress.parse(text);

    assertThat(address.literal()).isEqualTo(text);
    assertThat(address.ipv6()).isTrue();
  }

  @Test
  void two_spellings_of_one_ipv6_address_share_a_key() {
    assertThat(IcmpAddress.parse("0:0:0:0:0:0:0:1").key()).isEqualTo(IcmpAddress.parse("::1").key());
    assertThat(IcmpAddress.parse("2001:DB8::1").key()).isEqualTo(IcmpAddress.parse("2001:db8:0::1").key());
    assertThat(IcmpAddress.parse("fe80::1%eth0").key()).isNotEqualTo(IcmpAddress.parse("fe80::1%eth1").key());
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(delimiter = '|', textBlock = """
      999.1.1.1          | is not a valid IPv4 address
      01.02.03.04        | is not a valid IPv4 address
      127.1              | is not a valid IPv4 address
      1.2.3              | is not a valid IPv4 address
      0x7f000001         | is not an IP address literal
      router.example.org | host names are not resolved for ICMP
      ' 127.0.0.1'       | is not an IP address literal
      [::1]              | is not a valid IPv6 address
      1:2                | is not a valid IPv6 address
      ::1%               | is not a valid IPv6 address
      ::ffff:127.0.0.1   | is an IPv4-mapped IPv6 address, which fping cannot ping: use 127.0.0.1
      ''                 | the address is empty
      """)
  void anything_else_is_refused_with_a_reason(String text, String reason) {
    assertThatThrownBy(() -> IcmpAddress.parse(text == null ? "" : text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
