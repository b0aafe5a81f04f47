package org.leitwarte.incident.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problem;
import org.leitwarte.incident.oncall.OnCallConfig;

/** routing.yaml mistakes are refused with every problem as routing.yaml:line: message. */
class RoutingLoaderTest {

  /** The bad cases below are appended to this; their first line is line 4 of the file. */
  private static final String HEADER = """
      route:
        team: leitstelle
        routes:
      """;

  @TempDir Path dir;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        arguments("a misspelt key", HEADER + """
              - {id: netz, team: netz, contiune: true}
            """, List.of("routing.yaml:4: route 'netz': unknown key 'contiune' (did you mean 'continue'?)")),
        arguments("a misspelt key of the root", """
            route:
              team: leitstelle
              group_wiat: 10s
            """, List.of("routing.yaml:3: route: unknown key 'group_wiat' (did you mean 'group_wait'?)")),
        arguments("a duration without unit", HEADER + """
              - {id: netz, team: netz, group_interval: 30}
            """, List.of("routing.yaml:4: route 'netz': group_interval: expected a duration with a unit, got '30'"
                + " (write e.g. 30s or 30m)")),
        arguments("an unknown team", HEADER + """
              - id: netz-kritisch
                team: netzz
            """, List.of("routing.yaml:5: route 'netz-kritisch': team: unknown team 'netzz'"
                + " (did you mean 'netz'? known: leitstelle, netz, ops)")),
        arguments("an unknown policy", HEADER + """
              - {id: netz, team: netz, policy: nachts}
            """, List.of("routing.yaml:4: route 'netz': policy: unknown escalation policy 'nachts'"
                + " (known: leitstelle-standard, netz-standard, netz-nachts, ops-standard)")),
        arguments("a team without policy and none given", HEADER + """
              - {id: betrieb, team: ops}
            """, List.of("routing.yaml:4: route 'betrieb': team 'ops' has no escalation policy in oncall.yaml,"
                + " so the route must name one with policy: (known: leitstelle-standard, netz-standard, netz-nachts,"
                + " ops-standard)")),
        arguments("a broken regular expression in match", HEADER + """
              - id: netz
                match:
                  severity: critical
                  role: "=~router|(switch"
            """, List.of("routing.yaml:7: route 'netz': match.role: invalid regular expression 'router|(switch':"
                + " Unclosed group at position 15")),
        arguments("a broken regular expression in matchers", HEADER + """
              - id: netz
                matchers:
                  - severity="critical"
                  - role=~"[router"
            """, List.of("routing.yaml:6: route 'netz': matchers: invalid regular expression '[router':"
                + " Unclosed character class at position 7")),
        arguments("a matcher without operator", HEADER + """
              - {id: netz, matchers: ['role router']}
            """, List.of("routing.yaml:4: route 'netz': matchers: expected a matcher like severity=\"critical\" or"
                + " role=~\"router|switch\" (operators =, !=, =~, !~), got 'role router'")),
        arguments("a bad label name", HEADER + """
              - {id: netz, match: {1role: router}, group_by: [tenant, site-name]}
            """, List.of(
                "routing.yaml:4: route 'netz': match: label name '1role' must start with a letter or _ and hold only"
                    + " letters, digits and _",
                "routing.yaml:4: route 'netz': group_by: label name 'site-name' must start with a letter or _ and"
                    + " hold only letters, digits and _")),
        arguments("every label together with others", HEADER + """
              - {id: netz, group_by: ["...", tenant, tenant]}
            """, List.of(
                "routing.yaml:4: route 'netz': group_by: '...' (every label) stands alone, without other labels",
                "routing.yaml:4: route 'netz': group_by: 'tenant' is listed twice")),
        arguments("a duplicate id", HEADER + """
              - {id: netz, team: netz}
              - id: leit
                routes:
                  - {id: netz, match: {severity: critical}}
            """, List.of("routing.yaml:7: route 'netz': id: already defined at routing.yaml:4")),
        arguments("an id that is not one", HEADER + """
              - {id: Netz/Kritisch, team: netz}
            """, List.of("routing.yaml:4: route 'Netz/Kritisch': id: must match [a-z0-9][a-z0-9._-]*"
                + " (lower-case letters, digits, '.', '_' and '-')")),
        arguments("silly timings", HEADER + """
              - id: netz
                group_wait: 2h
                group_interval: 0s
                repeat_interval: 30s
            """, List.of(
                "routing.yaml:5: route 'netz': group_wait: must be at most 1h, got '2h':"
                    + " nobody would hear of a new incident for that long",
                "routing.yaml:6: route 'netz': group_interval: must be at least 1s, got '0s':"
                    + " an open incident needs a pause between its messages",
                "routing.yaml:7: route 'netz': repeat_interval: must be at least 1m, got '30s':"
                    + " reminders more often than that are noise people learn to ignore")),
        arguments("a root with matchers, an id and continue", """
            route:
              id: default
              team: leitstelle
              match: {severity: critical}
              matchers: ['role="router"']
              continue: true
            """, List.of(
                "routing.yaml:2: route.id: the root route is always called 'root'",
                "routing.yaml:4: route.match: the root route takes every alert no other route takes and cannot have"
                    + " matchers; put them on a route under routes:",
                "routing.yaml:5: route.matchers: the root route takes every alert no other route takes and cannot"
                    + " have matchers; put them on a route under routes:",
                "routing.yaml:6: route.continue: the root route has no siblings to continue with")),
        arguments("a root without team", """
            route:
              group_by: [tenant]
            """, List.of(
                "routing.yaml:1: route: missing key 'team' (the root route is the default and must name a team)")),
        arguments("no root", """
            routes:
              - {team: netz}
            """, List.of(
                "routing.yaml:1: missing key 'route' (the root route, which takes every alert no other route takes)",
                "routing.yaml:1: unknown key 'routes' (did you mean 'route'?)")),
        arguments("routes that are not a list", HEADER.replace("routes:", "routes: netz"), List.of(
            "routing.yaml:3: route.routes: expected a list, got 'netz'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void a_mistake_is_refused_with_file_line_and_what_is_wrong(String what, String yaml, List<String> expected) {
    assertThatThrownBy(() -> RoutingFixtures.load(dir, yaml))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected));
  }

  @Test
  void every_problem_of_a_file_is_reported_at_once() {
    String yaml = HEADER + """
          - {id: a, team: netzz}
          - {id: b, group_wait: soon}
          - {id: c, matchers: ['role=~"("']}
        """;
    assertThatThrownBy(() -> RoutingFixtures.load(dir, yaml))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(e.problems()).extracting(Problem::line).containsExactly(4, 5, 6));
  }

  @Test
  void without_teams_in_oncall_yaml_every_team_is_unknown() throws Exception {
    Path file = RoutingFixtures.write(dir, "route: {team: leitstelle, policy: standard}\n");
    assertThatThrownBy(() -> RoutingLoader.load(file, OnCallConfig.EMPTY))
        .hasMessage("routing.yaml:1: route.team: unknown team 'leitstelle' (oncall.yaml defines none)\n"
            + "routing.yaml:1: route.policy: unknown escalation policy 'standard' (oncall.yaml defines none)");
  }

  @Test
  void a_rules_folder_without_routing_yaml_has_no_tree() throws Exception {
    assertThat(RoutingLoader.loadFromRulesFolder(dir, RoutingFixtures.ONCALL)).isEmpty();
    RoutingFixtures.write(dir, "route: {team: leitstelle}\n");
    assertThat(RoutingLoader.loadFromRulesFolder(dir, RoutingFixtures.ONCALL)).get()
        .extracting(tree -> tree.route(Map.of()).get(0).team()).isEqualTo("leitstelle");
  }

  @Test
  void a_missing_file_named_directly_is_a_problem() {
    assertThatThrownBy(() -> RoutingLoader.load(dir.resolve("routing.yaml"), RoutingFixtures.ONCALL))
        .hasMessageStartingWith("routing.yaml: file not found: ");
  }

  @Test
  void the_root_alone_routes_everything_with_the_defaults() throws Exception {
    RoutingTree tree = RoutingFixtures.load(dir, "route: {team: netz}\n");
    assertThat(tree.route(Map.of("tenant", "wernigerode"))).containsExactly(new MatchedRoute(
        "root", "netz", "netz-standard", List.of("tenant"), Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofHours(4), true));
  }

  @Test
  void matchers_may_be_unquoted_and_quoted_values_may_hold_escaped_quotes() throws Exception {
    RoutingTree tree = RoutingFixtures.load(dir, HEADER + """
          - {id: a, matchers: ['summary = "say \\"hi\\""']}
          - {id: b, matchers: ['role=~ router|switch ']}
        """);
    assertThat(Files.readString(dir.resolve("routing.yaml"))).contains("'summary = \"say \\\"hi\\\"\"'");
    assertThat(tree.route(Map.of("summary", "say \"hi\""))).extracting(MatchedRoute::routeId).containsExactly("a");
    assertThat(tree.route(Map.of("role", "switch"))).extracting(MatchedRoute::routeId).containsExactly("b");
  }
}
