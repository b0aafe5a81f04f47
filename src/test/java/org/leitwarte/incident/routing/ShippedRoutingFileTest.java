package org.leitwarte.incident.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.routing.RoutingFixtures.labels;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.alerting.rules.RuleLoader;
import org.leitwarte.incident.oncall.OnCallLoader;

/** The routing.yaml shipped in alert-rules/ loads against the shipped oncall.yaml and routes as its comments say. */
class ShippedRoutingFileTest {

  static final Path FOLDER = Path.of("alert-rules");
  private static RoutingTree tree;

  @BeforeAll
  static void load() throws Exception {
    tree = RoutingLoader.loadFromRulesFolder(FOLDER, OnCallLoader.loadFromRulesFolder(FOLDER, Map.of())).orElseThrow();
  }

  @Test
  void the_rule_loader_does_not_take_it_for_a_rule_file() {
    assertThat(RuleLoader.NOT_RULES).contains(RoutingLoader.FILE_NAME);
  }

  @Test
  void it_has_the_routes_its_comments_describe() {
    assertThat(tree.routes()).extracting(Route::id)
        .containsExactly("root", "nur-information", "leitwarte-betrieb", "netz", "netz-kritisch", "kritisch");
  }

  /** Labels as the shipped rules and the demo inventory give them; ";" separates the labels. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
    "alertname=device_unreachable;severity=critical;tenant=wernigerode;site=wr-rathaus;device=wr-router;role=router"
        + " | netz-kritisch | netz | netz-standard",
    "alertname=interface_down;severity=warning;tenant=wernigerode;site=wr-rathaus;device=wr-sw1;role=switch;if_name=Gi0/3"
        + " | netz | netz | netz-standard",
    "alertname=disk_nearly_full;severity=warning;tenant=wernigerode;device=wr-app1;role=server;"
        + "service=einwohnermeldewesen;storage=/var;type=disk | root | fachverfahren | fachverfahren-standard",
    "alertname=disk_critically_full;severity=critical;tenant=halberstadt;device=hbs-app1;role=server;type=disk"
        + " | kritisch | fachverfahren | fachverfahren-standard",
    "alertname=device_unreachable;severity=critical;tenant=halberstadt;site=hbs-rathaus;device=hbs-printer;role=printer"
        + " | kritisch | fachverfahren | fachverfahren-standard",
    "alertname=leitwarte_spool_growing;severity=warning;tenant=_system;device=lw-node1"
        + " | leitwarte-betrieb | fachverfahren | fachverfahren-standard",
    "alertname=leitwarte_influx_unreachable;severity=critical;tenant=_system;device=lw-node1"
        + " | leitwarte-betrieb | fachverfahren | fachverfahren-standard",
    "alertname=ntp_offset_high;severity=warning;tenant=wernigerode;device=wr-app1;role=server;check=zeit;kind=ntp;"
        + "target=127.0.0.1:123 | root | fachverfahren | fachverfahren-standard",
    "alertname=service_check_failed;severity=critical;tenant=wernigerode;device=wr-app1;role=server;check=mail;kind=smtp;"
        + "target=127.0.0.1:25 | kritisch | fachverfahren | fachverfahren-standard",
    "alertname=certificate_expiring;severity=warning;tenant=wernigerode;device=wr-fw;role=firewall;check=vpn-portal;"
        + "kind=https;target=https://127.0.0.1/ | netz | netz | netz-standard",
  })
  void a_realistic_alert_reaches_the_team_that_can_fix_it(String labels, String route, String team, String policy) {
    List<MatchedRoute> routes = tree.route(labels(labels.split(";")));

    assertThat(routes).hasSize(1);
    assertThat(routes.get(0).routeId()).isEqualTo(route);
    assertThat(routes.get(0).team()).isEqualTo(team);
    assertThat(routes.get(0).policy()).isEqualTo(policy);
  }

  @Test
  void information_pages_nobody() {
    assertThat(tree.route(labels("alertname=device_rebooted", "severity=info", "tenant=halberstadt", "site=hbs-rathaus",
        "device=hbs-router", "role=router"))).isEmpty();
  }

  @Test
  void a_router_and_a_switch_down_at_one_town_hall_are_one_incident() {
    Map<String, String> router = labels("alertname=device_unreachable", "severity=critical", "tenant=wernigerode",
        "site=wr-rathaus", "device=wr-router", "role=router");
    Map<String, String> sw = labels("alertname=device_unreachable", "severity=critical", "tenant=wernigerode",
        "site=wr-rathaus", "device=wr-sw1", "role=switch");
    MatchedRoute route = tree.route(router).get(0);

    assertThat(route.groupKey(router)).isEqualTo(route.groupKey(sw))
        .isEqualTo("netz-kritisch{site=\"wr-rathaus\",tenant=\"wernigerode\"}");
    assertThat(route.groupWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(route.repeatInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void a_link_down_trap_and_the_poll_finding_the_same_port_down_are_one_incident() {
    Map<String, String> trap = labels("alertname=interface_link_down_trap", "severity=warning", "tenant=wernigerode",
        "site=wr-rathaus", "device=wr-sw1", "role=switch", "if_index=3", "if_name=Gi0/3");
    Map<String, String> poll = labels("alertname=interface_down", "severity=warning", "tenant=wernigerode",
        "site=wr-rathaus", "device=wr-sw1", "role=switch", "if_index=3", "if_name=Gi0/3");
    MatchedRoute route = tree.route(trap).get(0);

    assertThat(route.routeId()).isEqualTo("netz");
    assertThat(tree.route(poll)).singleElement().satisfies(other -> assertThat(other.routeId()).isEqualTo("netz"));
    assertThat(route.groupKey(trap)).isEqualTo(route.groupKey(poll));
  }

  @Test
  void leitwarte_is_told_at_once_one_incident_per_problem_and_node() {
    Map<String, String> spool = labels("alertname=leitwarte_spool_growing", "severity=warning", "tenant=_system",
        "device=lw-node1");
    MatchedRoute route = tree.route(spool).get(0);

    assertThat(route.groupWait()).isZero();
    assertThat(route.groupKey(spool)).isEqualTo("leitwarte-betrieb{alertname=\"leitwarte_spool_growing\",device=\"lw-node1\"}");
  }
}
