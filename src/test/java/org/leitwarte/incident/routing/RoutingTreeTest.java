package org.leitwarte.incident.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.leitwarte.incident.routing.RoutingFixtures.labels;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A routing tree and a table of alerts (labels → the routes they take), as Alertmanager tests its routes. */
class RoutingTreeTest {

  static final String TREE = """
      route:
        team: leitstelle
        group_by: [tenant, site]
        routes:
          - id: netz
            match: {role: "=~router|switch"}
            team: netz
            group_wait: 10s
            routes:
              - id: netz-kritisch
                matchers: ['severity="critical"']
                policy: netz-nachts
                repeat_interval: 1h
              - match: {site: "!="}
                group_by: [tenant, site, device]
          - id: audit
            match: {tenant: halberstadt}
            continue: true
            team: ops
            policy: ops-standard
            auto_resolve: false
          - id: halberstadt-server
            matchers: ['role="server"', 'tenant=~"halb.*"']
          - id: kein-test
            matchers: ['tenant!~"test|lab"', 'severity!="info"']
            group_by: ["..."]
      """;

  @TempDir static Path dir;
  private static RoutingTree tree;

  @BeforeAll
  static void load() throws Exception {
    tree = RoutingFixtures.load(dir, TREE);
  }

  static Stream<Arguments> alerts() {
    return Stream.of(
        arguments(labels("tenant=test", "severity=warning"), List.of("root")),
        arguments(labels("tenant=lab", "severity=info"), List.of("root")),
        arguments(labels("role=router", "severity=critical", "tenant=wernigerode"), List.of("netz-kritisch")),
        arguments(labels("role=switch", "severity=warning", "site=wr-rathaus"), List.of("netz/1")),
        arguments(labels("role=switch", "severity=warning"), List.of("netz")),
        // Regular expressions are anchored at both ends, as in Alertmanager.
        arguments(labels("role=router2", "tenant=test"), List.of("root")),
        arguments(labels("role=corerouter", "tenant=test"), List.of("root")),
        arguments(labels("role=server", "tenant=halberstadt"), List.of("audit", "halberstadt-server")),
        arguments(labels("role=printer", "tenant=halberstadt", "severity=warning"), List.of("audit", "kein-test")),
        arguments(labels("role=printer", "tenant=halberstadt", "severity=info"), List.of("audit")),
        // The first matching sibling without continue ends the search: audit is never tried.
        arguments(labels("role=router", "tenant=halberstadt"), List.of("netz")),
        // A label the alert lacks counts as "": tenant "" is not test or lab, severity "" is not info.
        arguments(labels(), List.of("kein-test")));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("alerts")
  void an_alert_takes_the_routes_alertmanager_would_give_it(Map<String, String> labels, List<String> routeIds) {
    assertThat(tree.route(labels)).extracting(MatchedRoute::routeId).containsExactlyElementsOf(routeIds);
  }

  static Stream<Arguments> inherited() {
    Duration wait = Duration.ofSeconds(30);
    Duration interval = Duration.ofMinutes(5);
    Duration repeat = Duration.ofHours(4);
    List<String> tenantSite = List.of("tenant", "site");
    return Stream.of(
        arguments(labels("tenant=test"),
            new MatchedRoute("root", "leitstelle", "leitstelle-standard", tenantSite, wait, interval, repeat, true)),
        // Naming a team brings the team's policy, not the parent's.
        arguments(labels("role=switch"),
            new MatchedRoute("netz", "netz", "netz-standard", tenantSite, Duration.ofSeconds(10), interval, repeat, true)),
        // Naming only a policy keeps the parent's team; everything else is the parent's.
        arguments(labels("role=switch", "severity=critical"), new MatchedRoute(
            "netz-kritisch", "netz", "netz-nachts", tenantSite, Duration.ofSeconds(10), interval, Duration.ofHours(1), true)),
        arguments(labels("role=switch", "site=wr-rathaus"), new MatchedRoute(
            "netz/1", "netz", "netz-standard", List.of("tenant", "site", "device"), Duration.ofSeconds(10), interval,
            repeat, true)),
        arguments(labels("tenant=halberstadt", "severity=info"),
            new MatchedRoute("audit", "ops", "ops-standard", tenantSite, wait, interval, repeat, false)),
        // A sibling of audit inherits from the root, not from audit.
        arguments(labels("tenant=halberstadt", "role=server"),
            new MatchedRoute("halberstadt-server", "leitstelle", "leitstelle-standard", tenantSite, wait, interval,
                repeat, true)),
        arguments(labels("tenant=wernigerode"), new MatchedRoute(
            "kein-test", "leitstelle", "leitstelle-standard", List.of("..."), wait, interval, repeat, true)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("inherited")
  void a_route_takes_every_setting_it_does_not_write_from_the_route_above(
      Map<String, String> labels, MatchedRoute expected) {
    assertThat(tree.route(labels)).last().isEqualTo(expected);
  }

  @Test
  void devices_of_one_site_share_one_incident_and_another_site_gets_its_own() {
    Map<String, String> router = labels("tenant=wernigerode", "site=wr-rathaus", "device=wr-router", "role=router");
    Map<String, String> sw = labels("tenant=wernigerode", "site=wr-rathaus", "device=wr-sw1", "role=switch");
    Map<String, String> otherSite = labels("tenant=wernigerode", "site=wr-bauhof", "device=wr-sw2", "role=switch");
    MatchedRoute netz = tree.route(labels("role=switch")).get(0);

    assertThat(netz.groupKey(router)).isEqualTo("netz{site=\"wr-rathaus\",tenant=\"wernigerode\"}")
        .isEqualTo(netz.groupKey(sw))
        .isNotEqualTo(netz.groupKey(otherSite));
    assertThat(netz.groupLabels(router)).containsExactly(Map.entry("site", "wr-rathaus"), Map.entry("tenant", "wernigerode"));
  }

  @Test
  void grouping_by_every_label_makes_one_incident_per_alert() {
    Map<String, String> disk = labels("tenant=wernigerode", "device=wr-app1", "alertname=disk_nearly_full");
    Map<String, String> cpu = labels("tenant=wernigerode", "device=wr-app1", "alertname=cpu_high");
    MatchedRoute route = tree.route(disk).get(0);

    assertThat(route.routeId()).isEqualTo("kein-test");
    assertThat(route.groupKey(disk)).isNotEqualTo(route.groupKey(cpu))
        .isEqualTo("kein-test{alertname=\"disk_nearly_full\",device=\"wr-app1\",tenant=\"wernigerode\"}");
  }

  @Test
  void every_route_is_listed_depth_first_and_described_in_one_line_each() {
    assertThat(tree.routes()).extracting(Route::id)
        .containsExactly("root", "netz", "netz-kritisch", "netz/1", "audit", "halberstadt-server", "kein-test");
    assertThat(tree.find("netz-kritisch")).get().extracting(Route::line).isEqualTo(10);
    assertThat(tree.describe()).containsExactly(
        "root → team leitstelle, policy leitstelle-standard, group_by [tenant, site], wait 30s, interval 5m, repeat 4h",
        "  netz {role=~\"router|switch\"} → team netz, policy netz-standard, group_by [tenant, site], wait 10s,"
            + " interval 5m, repeat 4h",
        "    netz-kritisch {severity=\"critical\"} → team netz, policy netz-nachts, group_by [tenant, site], wait 10s,"
            + " interval 5m, repeat 1h",
        "    netz/1 {site!=\"\"} → team netz, policy netz-standard, group_by [tenant, site, device], wait 10s,"
            + " interval 5m, repeat 4h",
        "  audit {tenant=\"halberstadt\"} → team ops, policy ops-standard, group_by [tenant, site], wait 30s,"
            + " interval 5m, repeat 4h, no auto_resolve, continue",
        "  halberstadt-server {role=\"server\", tenant=~\"halb.*\"} → team leitstelle, policy leitstelle-standard,"
            + " group_by [tenant, site], wait 30s, interval 5m, repeat 4h",
        "  kein-test {tenant!~\"test|lab\", severity!=\"info\"} → team leitstelle, policy leitstelle-standard,"
            + " group_by [...], wait 30s, interval 5m, repeat 4h");
  }

  @Test
  void alerts_on_a_route_without_incidents_page_nobody_unless_a_continued_sibling_takes_them_too() throws Exception {
    RoutingTree quiet = RoutingFixtures.load(java.nio.file.Files.createDirectories(dir.resolve("quiet")), """
        route:
          team: leitstelle
          routes:
            - id: nur-info
              matchers: ['severity="info"']
              incidents: false
              continue: true
              routes:
                - {id: info-netz, match: {role: router}}
            - id: neustarts
              matchers: ['alertname="device_rebooted"']
        """);

    assertThat(quiet.route(labels("severity=info", "role=server"))).isEmpty();
    // Children inherit incidents: false.
    assertThat(quiet.route(labels("severity=info", "role=router"))).isEmpty();
    assertThat(quiet.route(labels("severity=info", "alertname=device_rebooted")))
        .extracting(MatchedRoute::routeId).containsExactly("neustarts");
    assertThat(quiet.route(labels("severity=critical"))).extracting(MatchedRoute::routeId).containsExactly("root");
    assertThat(quiet.describe()).anyMatch(line -> line.contains("nur-info") && line.contains("no incidents"));
  }
}
