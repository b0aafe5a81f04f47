package org.leitwarte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The env files hold exactly the keys the deployment reads: a key nobody reads is a password someone
 * sets for nothing, a variable without a key is a service that cannot start.
 */
class EnvironmentKeysTest {

  private static final Path ENV_EXAMPLE = DeploymentFilesTest.DOCKER.resolve(".env.example");
  private static final Path CONFIG = DeploymentFilesTest.DOCKER.resolve("leitwarte.yaml");
  private static final Path INVENTORY = DeploymentFilesTest.DOCKER.resolve("inventory.yaml");
  private static final Path SYSTEMD = DeploymentFilesTest.DOCKER.resolve("systemd");

  @TempDir Path dir;

  @Test
  void the_env_example_has_exactly_the_keys_compose_and_leitwarte_read() throws IOException {
    assertThat(EnvKeys.mismatches(".env.example", EnvKeys.read(ENV_EXAMPLE), composeReaders())).isEmpty();
  }

  @Test
  void a_key_missing_from_the_env_file_and_a_key_nobody_reads_are_both_named() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(ENV_EXAMPLE));
    lines.removeIf(line -> line.startsWith("INFLUXDB_READ_USER_PASSWORD="));
    lines.add("GRAFANA_ADMIN_PASSWORT=");
    Path mismatching = Files.write(dir.resolve(".env"), lines);

    List<String> problems = EnvKeys.mismatches(".env", EnvKeys.read(mismatching), composeReaders());

    assertThat(problems).containsExactlyInAnyOrder(
        "compose.yaml reads INFLUXDB_READ_USER_PASSWORD, but .env has no key INFLUXDB_READ_USER_PASSWORD",
        ".env:" + lines.size() + ": key GRAFANA_ADMIN_PASSWORT is read by none of compose.yaml, leitwarte.yaml, inventory.yaml");
  }

  @Test
  void a_line_that_is_no_key_is_refused_with_file_and_line() throws IOException {
    Path broken = Files.writeString(dir.resolve(".env"), "# secrets\nPOSTGRES_PASSWORD=x\nexport GRAFANA=1 2\n");

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EnvKeys.read(broken)))
        .hasMessage(".env:3: expected KEY=VALUE, got 'export GRAFANA=1 2'");
  }

  @Test
  void every_secret_leitwarte_reads_is_passed_into_its_container() throws IOException {
    ComposeFile compose = ComposeFile.read(DeploymentFilesTest.COMPOSE);
    Set<String> secrets = new TreeSet<>(EnvKeys.envSecrets(String.join("\n", scalars(CONFIG))));
    secrets.addAll(EnvKeys.envSecrets(String.join("\n", scalars(INVENTORY))));

    assertThat(secrets).as("leitwarte.yaml reads secrets from the environment").isNotEmpty();
    assertThat(compose.environment("leitwarte")).containsOnlyKeys(secrets);
  }

  @Test
  void every_variable_the_grafana_provisioning_reads_is_passed_into_its_container() throws IOException {
    ComposeFile compose = ComposeFile.read(DeploymentFilesTest.COMPOSE);
    Set<String> read = new TreeSet<>(Set.of("INFLUXDB_READ_USER", "INFLUXDB_READ_USER_PASSWORD"));
    Path provisioning = DeploymentFilesTest.DOCKER.resolve("grafana/provisioning");
    if (Files.isDirectory(provisioning)) {
      try (Stream<Path> files = Files.walk(provisioning)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          read.addAll(EnvKeys.grafanaVariables(String.join("\n", scalars(file))));
        }
      }
    }
    assertThat(compose.environment("grafana")).containsKeys(read.toArray(String[]::new));
  }

  @Test
  void the_systemd_env_file_has_exactly_the_keys_its_configuration_reads() throws IOException {
    Map<String, Set<String>> readers = Map.of("leitwarte.yaml", EnvKeys.envSecrets(String.join("\n", scalars(SYSTEMD.resolve("leitwarte.yaml")))));

    assertThat(EnvKeys.mismatches("leitwarte.env", EnvKeys.read(SYSTEMD.resolve("leitwarte.env")), readers)).isEmpty();
  }

  /** compose.yaml's interpolated variables, and the secrets leitwarte.yaml and inventory.yaml read. */
  private static Map<String, Set<String>> composeReaders() throws IOException {
    Map<String, Set<String>> readers = new LinkedHashMap<>();
    readers.put("compose.yaml", EnvKeys.shellVariables(String.join("\n", ComposeFile.read(DeploymentFilesTest.COMPOSE).scalars())));
    readers.put("leitwarte.yaml", EnvKeys.envSecrets(String.join("\n", scalars(CONFIG))));
    readers.put("inventory.yaml", EnvKeys.envSecrets(String.join("\n", scalars(INVENTORY))));
    return readers;
  }

  private static List<String> scalars(Path yaml) throws IOException {
    List<String> scalars = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
      for (Object document : new Yaml().loadAll(reader)) {
        ComposeFile.walk(document, scalars::add);
      }
    }
    return scalars;
  }
}
