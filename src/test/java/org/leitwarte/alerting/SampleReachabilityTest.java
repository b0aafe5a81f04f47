package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.alerting.TestSamples.icmp;
import static org.leitwarte.alerting.TestSamples.snmp;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.collect.Sample;

class SampleReachabilityTest {

  static Stream<Arguments> judgements() {
    return Stream.of(
        Arguments.of("never seen", List.of(), false),
        Arguments.of("no ping reply", List.of(icmp("d", 0, 0)), true),
        Arguments.of("ping reply", List.of(icmp("d", 0, 0), icmp("d", 1, 60)), false),
        Arguments.of("SNMP silent, not pinged", List.of(snmp("d", 0, 0)), true),
        Arguments.of("SNMP answers again", List.of(snmp("d", 0, 0), snmp("d", 1, 60)), false),
        Arguments.of("ping decides over SNMP: pings but SNMP silent", List.of(icmp("d", 3, 0), snmp("d", 0, 0)), false),
        Arguments.of("ping decides over SNMP: SNMP answers but no ping", List.of(snmp("d", 1, 0), icmp("d", 0, 0)), true),
        Arguments.of("a late older sample does not overrule", List.of(icmp("d", 3, 60), icmp("d", 0, 0)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("judgements")
  void a_device_is_down_as_its_latest_ping_else_its_latest_snmp_poll_says(String situation, List<Sample> samples, boolean down) {
    SampleReachability reachability = new SampleReachability();
    samples.forEach(reachability::observe);

    assertThat(reachability.isDown("d")).isEqualTo(down);
    assertThat(reachability.isDown("other")).isFalse();
  }
}
