package org.leitwarte.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.rules.RuleLoader;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.oncall.OnCallConfig;
import org.leitwarte.incident.oncall.OnCallLoader;
import org.leitwarte.incident.routing.RoutingLoader;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreUrl;

/**
 * The configurations the deployment ships load with Leitwarte's own loaders, and point at what the
 * stack (or the systemd installation) really provides.
 */
class DeploymentConfigTest {

  private static final Path DOCKER = DeploymentFilesTest.DOCKER;
  private static final Path SYSTEMD = DOCKER.resolve("systemd");

  @TempDir Path dir;

  @Test
  void the_compose_stacks_configuration_and_inventory_load_and_point_at_the_stacks_services() throws Exception {
    ComposeFile compose = ComposeFile.read(DeploymentFilesTest.COMPOSE);
    Map<String, String> environment = valuesFor(DOCKER.resolve(".env.example"));

    LeitwarteConfig config = ConfigLoader.load(DOCKER.resolve("leitwarte.yaml"), environment);
    Inventory inventory = InventoryLoader.load(config.inventory(), config.polling(), environment);

    assertThat(config.http().host()).as("reachable through the published port").isEqualTo("0.0.0.0");
    assertThat(compose.ports("leitwarte")).extracting(ComposeFile.Port::containerPort).contains(config.http().port());
    StoreUrl store = StoreUrl.parse(config.store().url());
    assertThat(store.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(URI.create(config.store().url()).getHost()).isEqualTo("postgres");
    assertThat(store.user()).contains(compose.environment("postgres").get("POSTGRES_USER").toString());
    assertThat(URI.create(config.store().url()).getPath()).isEqualTo("/" + compose.environment("postgres").get("POSTGRES_DB"));
    assertThat(config.store().password().orElseThrow().reveal(environment)).isEqualTo(environment.get("POSTGRES_PASSWORD"));

    assertThat(config.influx().url()).isEqualTo(URI.create("http://influxdb:8086"));
    assertThat(config.influx().database()).isEqualTo(compose.environment("influxdb").get("INFLUXDB_DB"));
    assertThat(config.influx().username()).contains(compose.environment("influxdb").get("INFLUXDB_USER").toString());
    assertThat(config.influx().password().orElseThrow().reveal(environment)).isEqualTo(environment.get("INFLUXDB_USER_PASSWORD"));

    assertThat(config.spool().dir()).as("the spool is on the leitwarte-data volume").startsWithRaw(Path.of("/var/lib/leitwarte"));
    assertThat(config.rules()).as("the rules the image ships").contains(Path.of("/opt/leitwarte/alert-rules"));
    assertThat(config.inventory()).containsExactly(DOCKER.resolve("inventory.yaml").toAbsolutePath().normalize());

    String simulated = ComposeFile.map(ComposeFile.map(compose.service("snmpsim").get("networks"), "snmpsim.networks").get("default"),
        "snmpsim.networks.default").get("ipv4_address").toString();
    assertThat(inventory.devices()).isNotEmpty().extracting(Device::address).containsOnly(simulated);
    assertThat(inventory.devices()).allSatisfy(device -> assertThat(device.snmp()).isPresent());
  }

  @Test
  void the_alert_rules_the_image_ships_load_as_the_service_loads_them() throws Exception {
    Path rules = Path.of("alert-rules");
    Map<String, String> environment = valuesFor(DOCKER.resolve(".env.example"));

    assertThat(RuleLoader.load(rules).size()).isPositive();
    OnCallConfig oncall = OnCallLoader.loadFromRulesFolder(rules, environment);
    assertThat(RoutingLoader.loadFromRulesFolder(rules, oncall)).isPresent();
  }

  @Test
  void without_its_password_the_compose_configuration_is_refused_naming_the_variable() throws Exception {
    Map<String, String> environment = new LinkedHashMap<>(valuesFor(DOCKER.resolve(".env.example")));
    environment.remove("INFLUXDB_USER_PASSWORD");

    assertThatThrownBy(() -> ConfigLoader.load(DOCKER.resolve("leitwarte.yaml"), environment))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leitwarte.yaml:")
        .hasMessageContaining("environment variable INFLUXDB_USER_PASSWORD is not set");
  }

  @Test
  void the_systemd_configuration_loads_with_its_env_file_and_writes_only_below_the_state_directory() throws Exception {
    // As installed: /etc/leitwarte/leitwarte.yaml beside an inventory.
    Path etc = Files.createDirectories(dir.resolve("etc/leitwarte"));
    Files.copy(SYSTEMD.resolve("leitwarte.yaml"), etc.resolve("leitwarte.yaml"));
    Files.writeString(etc.resolve("inventory.yaml"), "tenants: [{id: musterstadt, name: Musterstadt}]\n"
        + "devices: [{id: ms-router, tenant: musterstadt, address: 192.0.2.1, icmp: true}]\n");
    Map<String, String> environment = valuesFor(SYSTEMD.resolve("leitwarte.env"));

    LeitwarteConfig config = ConfigLoader.load(etc.resolve("leitwarte.yaml"), environment);
    InventoryLoader.load(config.inventory(), config.polling(), environment);

    assertThat(StoreUrl.parse(config.store().url()).dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    Map<String, List<String>> unit = SystemdUnit.read(SYSTEMD.resolve("leitwarte.service"));
    assertThat(unit.get("ReadWritePaths")).singleElement().satisfies(path -> assertThat(config.spool().dir()).startsWithRaw(Path.of(path)));
  }

  @Test
  void the_systemd_unit_runs_leitwarte_as_its_user_hardened_with_only_the_capabilities_it_needs() throws IOException {
    Map<String, List<String>> unit = SystemdUnit.read(SYSTEMD.resolve("leitwarte.service"));

    assertThat(unit.get("User")).containsExactly("leitwarte");
    assertThat(unit.get("ExecStart")).singleElement().asString()
        .startsWith("/usr/bin/java ").endsWith("-jar /opt/leitwarte/leitwarte.jar run --config /etc/leitwarte/leitwarte.yaml");
    assertThat(unit.get("EnvironmentFile")).containsExactly("/etc/leitwarte/leitwarte.env");
    assertThat(unit.get("Restart")).containsExactly("on-failure");
    assertThat(unit.get("NoNewPrivileges")).containsExactly("yes");
    assertThat(unit.get("ProtectSystem")).containsExactly("strict");
    assertThat(unit.get("ReadWritePaths")).containsExactly("/var/lib/leitwarte");
    assertThat(unit.get("AmbientCapabilities")).singleElement().asString().contains("CAP_NET_RAW").contains("CAP_NET_BIND_SERVICE");
    assertThat(unit.get("CapabilityBoundingSet")).isEqualTo(unit.get("AmbientCapabilities"));
  }

  /** systemd's own check, where systemd is installed (it is on Debian; skipped elsewhere). */
  @Test
  void systemd_accepts_the_unit() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) && Files.isExecutable(Path.of("/usr/bin/java")),
        "systemd-analyze or /usr/bin/java missing");
    Process verify = new ProcessBuilder("systemd-analyze", "verify", SYSTEMD.resolve("leitwarte.service").toString())
        .redirectErrorStream(true).start();
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).as("systemd-analyze verify output").isEmpty();
    assertThat(verify.exitValue()).isZero();
  }

  /** Every key of the env file with a value, as an operator fills them in. */
  /** A value for every key of the env file, as compose would pass them. */
  static Map<String, String> valuesFor(Path envFile) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    EnvKeys.read(envFile).keySet().forEach(key -> environment.put(key, "secret-" + key.toLowerCase()));
    return environment;
  }
}
