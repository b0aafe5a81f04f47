package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CounterRatesTest {

  private static final long SECOND = 1_000_000_000L;
  private static final double UNKNOWN = Double.NaN;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      # case                                   | previous             | current              | 64-bit | seconds | max/s      | rate
      steady growth                            | 1000                 | 3000                 | false  | 2       | none       | 1000
      no change                                | 5000                 | 5000                 | false  | 10      | none       | 0
      32-bit wrap, speed unknown               | 4294967000           | 704                  | false  | 1       | none       | 1000
      32-bit wrap, plausible for the speed     | 4294967000           | 704                  | false  | 1       | 1875000    | 1000
      32-bit drop too big for the speed: reset | 4000000000           | 100                  | false  | 1       | 1875000    | none
      32-bit drop beyond 2^31, speed unknown   | 1000000000           | 100                  | false  | 1       | none       | none
      64-bit counter that went down: reset     | 9000000000           | 100                  | true   | 1       | none       | none
      64-bit large steady growth               | 9000000000000000000  | 9000000001000000000  | true   | 10      | none       | 100000000
      64-bit crossing the sign bit             | 9223372036854775803  | -9223372036854775798 | true   | 10      | none       | 1.5
      no time passed                           | 100                  | 200                  | false  | 0       | none       | none
      """)
  void rate_between_two_readings(String name, long previous, long current, boolean wide, double seconds, Double maxPerSecond, Double expected) {
    double rate = CounterRates.rateBetween(previous, current, wide, seconds, maxPerSecond == null ? UNKNOWN : maxPerSecond);

    if (expected == null) {
      assertThat(rate).as(name).isNaN();
    } else {
      assertThat(rate).as(name).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void first_poll_writes_raw_values_only() {
    CounterRates rates = new CounterRates(2);

    CounterRates.Poll poll = rates.begin("switch", 1000);

    assertThat(poll.rate(1, 0, 500, false, 0, UNKNOWN)).isNaN();
    assertThat(poll.afterReboot()).isFalse();
  }

  @Test
  void rate_uses_the_time_between_the_responses() {
    CounterRates rates = new CounterRates(1);
    rates.begin("switch", 1000).rate(7, 0, 1_000, false, 10 * SECOND, UNKNOWN);

    double rate = rates.begin("switch", 7000).rate(7, 0, 5_000, false, 14 * SECOND, UNKNOWN);

    assertThat(rate).isEqualTo(1000.0);
  }

  @Test
  void thirty_two_bit_wrap_yields_the_wrapped_rate() {
    CounterRates rates = new CounterRates(1);
    rates.begin("switch", 1000).rate(3, 0, 4_294_967_000L, false, 0, 125_000_000 * 1.5);

    double rate = rates.begin("switch", 1100).rate(3, 0, 704, false, SECOND, 125_000_000 * 1.5);

    assertThat(rate).isEqualTo(1000.0);
  }

  @Test
  void reboot_yields_no_rate_for_any_counter_in_that_interval_and_rates_again_afterwards() {
    CounterRates rates = new CounterRates(2);
    CounterRates.Poll before = rates.begin("router", 500_000);
    before.rate(1, 0, 1_000_000, false, 0, UNKNOWN);
    before.rate(2, 1, 9_000_000_000L, true, 0, UNKNOWN);

    CounterRates.Poll rebooted = rates.begin("router", 3_000);
    assertThat(rebooted.afterReboot()).isTrue();
    assertThat(rebooted.rate(1, 0, 1_500_000, false, 10 * SECOND, UNKNOWN)).as("grew, but across a reboot").isNaN();
    assertThat(rebooted.rate(2, 1, 50, true, 10 * SECOND, UNKNOWN)).isNaN();

    CounterRates.Poll next = rates.begin("router", 9_000);
    assertThat(next.afterReboot()).isFalse();
    assertThat(next.rate(1, 0, 1_500_600, false, 16 * SECOND, UNKNOWN)).isEqualTo(100.0);
    assertThat(next.rate(2, 1, 650, true, 16 * SECOND, UNKNOWN)).isEqualTo(100.0);
  }

  @Test
  void counter_switching_between_32_and_64_bits_starts_a_new_baseline() {
    CounterRates rates = new CounterRates(1);
    rates.begin("switch", 100).rate(1, 0, 1_000, false, 0, UNKNOWN);

    assertThat(rates.begin("switch", 200).rate(1, 0, 9_000_000_000L, true, SECOND, UNKNOWN)).isNaN();
    assertThat(rates.begin("switch", 300).rate(1, 0, 9_000_000_100L, true, 2 * SECOND, UNKNOWN)).isEqualTo(100.0);
  }

  @Test
  void devices_and_rows_keep_separate_state() {
    CounterRates rates = new CounterRates(1);
    rates.begin("a", 100).rate(1, 0, 100, false, 0, UNKNOWN);
    rates.begin("b", 100).rate(1, 0, 10_000, false, 0, UNKNOWN);

    assertThat(rates.begin("a", 200).rate(1, 0, 200, false, SECOND, UNKNOWN)).isEqualTo(100.0);
    assertThat(rates.begin("b", 200).rate(1, 0, 10_500, false, SECOND, UNKNOWN)).isEqualTo(500.0);
    assertThat(rates.begin("b", 300).rate(2, 0, 10_500, false, 2 * SECOND, UNKNOWN)).as("new row").isNaN();
  }

  @Test
  void forget_drops_the_device_so_the_next_poll_starts_over() {
    CounterRates rates = new CounterRates(1);
    rates.begin("gone", 100).rate(1, 0, 100, false, 0, UNKNOWN);

    rates.forget("gone");

    assertThat(rates.deviceCount()).isZero();
    assertThat(rates.begin("gone", 50).afterReboot()).as("no memory of the old uptime").isFalse();
  }

  @Test
  void finish_forgets_rows_that_were_not_read_in_that_poll() {
    CounterRates rates = new CounterRates(1);
    CounterRates.Poll first = rates.begin("switch", 100);
    first.rate(1, 0, 100, false, 0, UNKNOWN);
    first.rate(2, 0, 100, false, 0, UNKNOWN);
    first.finish();

    CounterRates.Poll second = rates.begin("switch", 200);
    second.rate(1, 0, 200, false, SECOND, UNKNOWN);
    second.finish();

    assertThat(rates.begin("switch", 300).rate(2, 0, 300, false, 2 * SECOND, UNKNOWN)).as("row 2 was removed").isNaN();
  }
}
