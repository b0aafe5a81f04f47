package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencySuppressorTest {

  // core <- dist <- access <- pc ; loop1 <-> loop2 ; island has no upstream
  private final TestDevices devices = new TestDevices()
      .add("core", Map.of(), Duration.ofSeconds(60), null)
      .add("dist", Map.of(), Duration.ofSeconds(60), "core")
      .add("access", Map.of(), Duration.ofSeconds(60), "dist")
      .add("pc", Map.of(), Duration.ofSeconds(60), "access")
      .add("loop1", Map.of(), Duration.ofSeconds(60), "loop2")
      .add("loop2", Map.of(), Duration.ofSeconds(60), "loop1")
      .add("behind-loop", Map.of(), Duration.ofSeconds(60), "loop1")
      .add("island", Map.of(), Duration.ofSeconds(60), null);

  @ParameterizedTest(name = "{0} with [{1}] down: \"{2}\"")
  @CsvSource(delimiter = '|', value = {
      "pc          | ''             | ''",
      "pc          | core           | parent:core",
      "pc          | core dist      | parent:dist",
      "pc          | access core    | parent:access",
      "access      | access         | ''",
      "access      | access dist    | parent:dist",
      "island      | island         | ''",
      "unknown     | core           | ''",
      "behind-loop | ''             | ''",
      "behind-loop | loop2          | parent:loop2",
      "loop1       | loop1          | ''",
  })
  void the_nearest_ancestor_that_is_down_suppresses_never_the_device_itself(String device, String down, String reason) {
    Set<String> downDevices = Set.of(down.isBlank() ? new String[0] : down.split(" "));
    DependencySuppressor suppressor = new DependencySuppressor(devices, downDevices::contains);

    Optional<String> suppressedBy = suppressor.suppressedBy(Map.of("device", device), Instant.EPOCH);

    assertThat(suppressedBy.orElse("")).isEqualTo(reason);
  }
}
