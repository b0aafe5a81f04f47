package org.leitwarte.incident.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.ConfigException;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.OnCallConfig;

/** Teams and policies the test trees route to, and writing a tree to a file. */
final class RoutingFixtures {

  /** leitstelle and netz have a policy of their own, ops has none. */
  static final OnCallConfig ONCALL = new OnCallConfig(
      List.of(new Person("anna", "Anna", Optional.of("anna@kdo.example"), Optional.empty(), Optional.empty(), "de")),
      List.of(
          new Team("leitstelle", "Leitstelle", List.of("anna"), Optional.of("leitstelle-standard")),
          new Team("netz", "Netzwerk", List.of("anna"), Optional.of("netz-standard")),
          new Team("ops", "Betrieb", List.of("anna"), Optional.empty())),
      List.of(),
      List.of(policy("leitstelle-standard"), policy("netz-standard"), policy("netz-nachts"), policy("ops-standard")),
      Map.of());

  private RoutingFixtures() {}

  static RoutingTree load(Path dir, String yaml) throws IOException, ConfigException {
    return RoutingLoader.load(write(dir, yaml), ONCALL);
  }

  static Path write(Path dir, String yaml) throws IOException {
    return Files.writeString(dir.resolve(RoutingLoader.FILE_NAME), yaml);
  }

  /** {@code "role=router", "severity=critical"} as a label map. */
  static Map<String, String> labels(String... pairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      labels.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return labels;
  }

  private static EscalationPolicy policy(String id) {
    return new EscalationPolicy(id, id, List.of(new Level(Duration.ZERO, List.of(new Target.WholeTeam("netz")))), 0);
  }
}
