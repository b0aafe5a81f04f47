package org.leitwarte.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose stack and the Dockerfiles, checked statically (these machines have no Docker engine):
 * what an operator running {@code docker compose up} relies on — images pinned, the right ports on
 * the right addresses, data in named volumes, health checks, start order, files that exist.
 */
class DeploymentFilesTest {

  static final Path DOCKER = Path.of("docker");
  static final Path COMPOSE = DOCKER.resolve("compose.yaml");
  static final Set<String> SERVICES = Set.of("leitwarte", "postgres", "influxdb", "grafana", "snmpsim");
  /** A version tag: 16.6-bookworm, 1.11.8, 17.0.13_11-jre-noble — at least major.minor; or a digest. */
  private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(:\\d+\\.\\d+[^\\s]*|@sha256:[0-9a-f]{64})");
  /** Where each stateful service keeps its data inside the container. */
  private static final Map<String, String> STATE = Map.of(
      "leitwarte", "/var/lib/leitwarte",
      "postgres", "/var/lib/postgresql/data",
      "influxdb", "/var/lib/influxdb",
      "grafana", "/var/lib/grafana");

  private static ComposeFile compose;
  private static Dockerfile leitwarteImage;

  @BeforeAll
  static void read() throws IOException {
    compose = ComposeFile.read(COMPOSE);
    leitwarteImage = Dockerfile.read(DOCKER.resolve("Dockerfile"));
  }

  @Test
  void the_stack_has_leitwarte_its_databases_grafana_and_a_simulated_device() {
    assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
  }

  @Test
  void every_image_is_pinned_to_a_version_and_every_build_has_its_files() {
    List<String> problems = new ArrayList<>();
    for (String service : compose.services().keySet()) {
      compose.image(service).filter(image -> !PINNED.matcher(image).matches())
          .ifPresent(image -> problems.add("compose.yaml: service " + service + ": image '" + image + "' is not pinned to a version"));
      if (compose.image(service).isEmpty() && compose.build(service).isEmpty()) {
        problems.add("compose.yaml: service " + service + " has neither image nor build");
      }
      compose.dockerfile(service).ifPresent(file -> problems.addAll(unpinnedBaseImages(service, file)));
    }
    assertThat(problems).isEmpty();
  }

  private static List<String> unpinnedBaseImages(String service, Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of("compose.yaml: service " + service + ": build file " + file + " does not exist");
    }
    List<String> problems = new ArrayList<>();
    try {
      Dockerfile dockerfile = Dockerfile.read(file);
      Set<String> stageNames = new TreeSet<>();
      for (Dockerfile.Instruction from : dockerfile.all("FROM")) {
        String[] words = from.arguments().split("\\s+");
        String image = words[0].startsWith("--platform") ? words[1] : words[0];
        if (!stageNames.contains(image) && !PINNED.matcher(image).matches()) {
          problems.add(dockerfile.at(from) + " (service " + service + "): base image '" + image + "' is not pinned to a version");
        }
        if (words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")) {
          stageNames.add(words[words.length - 1]);
        }
      }
      if (dockerfile.stages() == 0) {
        problems.add(file + ": no FROM");
      }
    } catch (IOException e) {
      problems.add(file + ": " + e);
    }
    return problems;
  }

  @Test
  void only_leitwarte_and_grafana_are_published_and_only_on_loopback_except_traps() {
    assertThat(compose.ports("leitwarte")).containsExactlyInAnyOrder(
        new ComposeFile.Port("127.0.0.1", 8080, 8080, "tcp"),
        new ComposeFile.Port("", 162, 1162, "udp"));
    assertThat(compose.ports("grafana")).containsExactly(new ComposeFile.Port("127.0.0.1", 3000, 3000, "tcp"));
    for (String internal : List.of("postgres", "influxdb", "snmpsim")) {
      assertThat(compose.ports(internal)).as("%s is reached inside the stack only", internal).isEmpty();
    }
  }

  @Test
  void the_ports_compose_publishes_are_those_the_image_exposes() {
    Set<String> exposed = new TreeSet<>();
    leitwarteImage.finalStage("EXPOSE").forEach(expose -> exposed.addAll(List.of(expose.arguments().split("\\s+"))));
    Set<String> published = new TreeSet<>();
    compose.ports("leitwarte").forEach(port -> published.add(port.containerPort() + "/" + port.protocol()));
    assertThat(published).isEqualTo(exposed);
  }

  @Test
  void everything_stateful_lives_in_a_declared_named_volume_and_every_declared_volume_is_used() {
    Set<String> used = new TreeSet<>();
    STATE.forEach((service, path) -> {
      List<ComposeFile.Mount> state = compose.mounts(service).stream().filter(mount -> mount.target().equals(path)).toList();
      assertThat(state).as("%s keeps %s in a volume", service, path).hasSize(1);
      assertThat(state.get(0).named()).as("%s: %s is a named volume, not a host directory", service, path).isTrue();
      assertThat(compose.declaredVolumes()).as("volume %s is declared", state.get(0).source()).containsKey(state.get(0).source());
      assertThat(state.get(0).readOnly()).isFalse();
    });
    for (String service : compose.services().keySet()) {
      compose.mounts(service).stream().filter(ComposeFile.Mount::named).forEach(mount -> used.add(mount.source()));
    }
    assertThat(used).isEqualTo(compose.declaredVolumes().keySet());
  }

  @Test
  void every_service_has_a_health_check() throws IOException {
    for (String service : compose.services().keySet()) {
      Object healthcheck = compose.service(service).get("healthcheck");
      if (healthcheck != null) {
        Map<String, Object> check = ComposeFile.map(healthcheck, "services." + service + ".healthcheck");
        assertThat(check.get("disable")).as("%s: health check disabled", service).isNotEqualTo(Boolean.TRUE);
        assertThat(ComposeFile.strings(check.get("test"))).as("%s: health check test", service)
            .isNotEmpty().first().isIn("CMD", "CMD-SHELL");
      } else {
        Path dockerfile = compose.dockerfile(service).orElseThrow(() -> new AssertionError(service + " has no health check"));
        assertThat(Dockerfile.read(dockerfile).finalStage("HEALTHCHECK")).as("%s: HEALTHCHECK in %s", service, dockerfile).isNotEmpty();
      }
    }
  }

  @Test
  void leitwarte_waits_for_healthy_databases_and_grafana_for_influxdb() {
    assertThat(compose.dependsOn("leitwarte")).containsOnlyKeys("postgres", "influxdb", "snmpsim");
    assertThat(compose.dependsOn("grafana")).containsOnlyKeys("influxdb");
    for (String service : compose.services().keySet()) {
      compose.dependsOn(service).forEach((dependency, condition) -> {
        assertThat(compose.services()).as("%s depends on a service of the stack", service).containsKey(dependency);
        assertThat(ComposeFile.map(condition, service + ".depends_on." + dependency))
            .as("%s waits until %s is healthy", service, dependency)
            .containsEntry("condition", "service_healthy");
      });
    }
  }

  @Test
  void leitwarte_has_its_configuration_mounted_where_the_image_reads_it() {
    List<ComposeFile.Mount> mounts = compose.mounts("leitwarte");
    assertThat(mounts).contains(
        new ComposeFile.Mount("./leitwarte.yaml", "/etc/leitwarte/leitwarte.yaml", true),
        new ComposeFile.Mount("./inventory.yaml", "/etc/leitwarte/inventory.yaml", true));
    for (ComposeFile.Mount mount : mounts) {
      if (!mount.named()) {
        assertThat(compose.directory().resolve(mount.source())).as("bind mount source %s", mount.source()).exists();
      }
    }
    assertThat(String.join(" ", imageCommand())).endsWith("run --config /etc/leitwarte/leitwarte.yaml");
  }

  @Test
  void grafana_gets_the_provisioning_and_the_dashboards_read_only() {
    assertThat(compose.mounts("grafana")).contains(
        new ComposeFile.Mount("./grafana/provisioning", "/etc/grafana/provisioning", true),
        new ComposeFile.Mount("../dashboards", "/var/lib/grafana/dashboards", true));
  }

  /**
   * The provisioning files come from the dashboards work; until they are in the tree this test is
   * skipped (not passed).
   */
  @Test
  void grafana_provisioning_files_exist_and_load_dashboards_from_the_mounted_folder() throws IOException {
    Path provisioning = DOCKER.resolve("grafana/provisioning");
    assumeTrue(Files.isDirectory(provisioning), "docker/grafana/provisioning is not in the tree yet");
    assertThat(provisioning.resolve("datasources")).isDirectory();
    assertThat(provisioning.resolve("dashboards")).isDirectory();
    assertThat(Path.of("dashboards")).isDirectory();
    try (var files = Files.list(provisioning.resolve("dashboards"))) {
      String providers = files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .map(DeploymentFilesTest::readString).reduce("", String::concat);
      assertThat(providers).as("a dashboard provider reads the folder compose mounts").contains("/var/lib/grafana/dashboards");
    }
  }

  @Test
  void the_image_is_built_in_stages_and_runs_as_a_user_with_fping_snmp_and_a_health_check() {
    assertThat(leitwarteImage.stages()).as("multi-stage: Maven build, then the runtime").isGreaterThanOrEqualTo(2);
    assertThat(leitwarteImage.all("FROM").get(0).arguments()).startsWith("maven:");
    assertThat(leitwarteImage.all("RUN").stream().filter(run -> run.stage() == 0))
        .anySatisfy(run -> assertThat(run.arguments()).contains("mvn -B").contains("package"));

    List<Dockerfile.Instruction> users = leitwarteImage.finalStage("USER");
    assertThat(users).as("the runtime stage sets a USER").isNotEmpty();
    String user = users.get(users.size() - 1).arguments().split(":")[0];
    assertThat(user).as("the runtime stage's USER").isNotIn("root", "0");

    String installs = leitwarteImage.finalStage("RUN").stream().map(Dockerfile.Instruction::arguments)
        .filter(run -> run.contains("apt-get install")).reduce("", String::concat);
    assertThat(List.of(installs.split("\\s+"))).contains("fping", "snmp");
    assertThat(installs).as("fping gets its raw socket for a user that is not root").contains("setcap cap_net_raw+ep /usr/bin/fping");

    assertThat(leitwarteImage.finalStage("HEALTHCHECK")).singleElement()
        .satisfies(check -> assertThat(check.arguments()).contains("CMD").contains("/health"));
    assertThat(imageCommand()).containsSubsequence("java", "-jar", "/opt/leitwarte/leitwarte.jar", "run", "--config");
  }

  @Test
  void the_image_ships_the_jar_maven_builds_and_the_default_alert_rules() throws IOException {
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>leitwarte</finalName>");
    assertThat(leitwarteImage.finalStage("COPY")).extracting(Dockerfile.Instruction::arguments)
        .contains("--from=build /src/target/leitwarte.jar /opt/leitwarte/leitwarte.jar",
            "alert-rules/ /opt/leitwarte/alert-rules/");
    assertThat(Path.of("alert-rules")).isDirectory();
  }

  /** ENTRYPOINT followed by CMD, as the container runs them. */
  private static List<String> imageCommand() {
    List<String> command = new ArrayList<>();
    for (String keyword : List.of("ENTRYPOINT", "CMD")) {
      List<Dockerfile.Instruction> instructions = leitwarteImage.finalStage(keyword);
      String json = instructions.get(instructions.size() - 1).arguments();
      assertThat(json).as("%s in exec form", keyword).startsWith("[").endsWith("]");
      for (String word : json.substring(1, json.length() - 1).split(",")) {
        command.add(word.strip().replaceAll("^\"|\"$", ""));
      }
    }
    return command;
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(file + ": " + e, e);
    }
  }
}
