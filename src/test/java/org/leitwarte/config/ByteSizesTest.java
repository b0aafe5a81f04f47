package org.leitwarte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {

  @ParameterizedTest(name = "{0} is {1} bytes")
  @CsvSource({
    "1073741824, 1073741824",
    "512MiB, 536870912",
    "1GiB, 1073741824",
    "1gib, 1073741824",
    "100MB, 100000000",
    "'64 KiB', 65536",
    "10B, 10",
    "2TiB, 2199023255552"
  })
  void sizes_with_and_without_units_are_read(String text, long bytes) {
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5GiB", "GiB", "-1", "10 gallons", "1PiB"})
  void anything_else_is_refused(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a size in bytes like 1073741824, 512MiB, 1GiB or 100MB, got '" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999TiB"})
  void sizes_beyond_a_long_are_refused(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text)).hasMessage("size '" + text + "' is too large");
  }
}
