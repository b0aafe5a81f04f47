package org.leitwarte.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.InventoryLoader;

/**
 * The simulated devices of the compose stack: the script the snmpsim image runs writes a recording for
 * every community the inventory polls, with traffic counters that move.
 */
class SnmpsimRecordingsTest {

  private static final Path EXAMPLES = Path.of("/usr/share/doc/snmpsim/examples/data");
  private static final Path SCRIPT = DeploymentFilesTest.DOCKER.resolve("snmpsim/recordings.sh");

  @TempDir Path dir;

  @Test
  void the_image_script_writes_a_recording_per_polled_community_with_moving_traffic_counters() throws Exception {
    assumeTrue(Files.isDirectory(EXAMPLES), "Debian's snmpsim package is not installed");
    Path data = dir.resolve("data");
    Process process = new ProcessBuilder("sh", SCRIPT.toString(), EXAMPLES.toString(), data.toString())
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

    Set<String> recorded = new TreeSet<>();
    try (var files = Files.list(data)) {
      files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".snmprec"))
          .forEach(name -> recorded.add(name.substring(0, name.length() - ".snmprec".length())));
    }
    assertThat(recorded).containsAll(polledCommunities());

    List<String> switchLines = Files.readAllLines(data.resolve("public.snmprec"));
    assertThat(switchLines).filteredOn(line -> line.startsWith("1.3.6.1.2.1.31.1.1.1.6.") && line.contains("|70:numeric|rate="))
        .as("ifHCInOctets grow").isNotEmpty();
    assertThat(switchLines).filteredOn(line -> line.startsWith("1.3.6.1.2.1.2.2.1.16.") && line.contains("|65:numeric|rate="))
        .as("ifOutOctets grow").isNotEmpty();
    assertThat(switchLines).anyMatch(line -> line.startsWith("1.3.6.1.2.1.1.3.0|"));
  }

  @Test
  void the_health_check_asks_a_community_the_simulator_serves() throws Exception {
    String check = String.join(" ", ComposeFile.strings(
        ComposeFile.map(ComposeFile.read(DeploymentFilesTest.COMPOSE).service("snmpsim").get("healthcheck"), "healthcheck").get("test")));
    assertThat(check).contains("-c public").contains("1.3.6.1.2.1.1.3.0");
    assertThat(Files.readString(SCRIPT)).contains("/public.snmprec\"");
  }

  private static Set<String> polledCommunities() throws Exception {
    Map<String, String> environment = DeploymentConfigTest.valuesFor(DeploymentFilesTest.DOCKER.resolve(".env.example"));
    LeitwarteConfig config = ConfigLoader.load(DeploymentFilesTest.DOCKER.resolve("leitwarte.yaml"), environment);
    Set<String> communities = new TreeSet<>();
    for (Device device : InventoryLoader.load(config.inventory(), config.polling(), environment).devices()) {
      device.snmp().ifPresent(snmp -> communities.add(snmp.community().orElseThrow().reveal(environment)));
    }
    return communities;
  }
}
