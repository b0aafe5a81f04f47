package org.leitwarte.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;
import org.leitwarte.alerting.maintenance.Schedule;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.Site;
import org.leitwarte.inventory.Tenant;

/** The status board's states: of one device from its poll, alerts and maintenance; of sites and tenants from their devices. */
class StatusCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");

  /**
   * One device, wr-router of wernigerode (label role=router). {@code poll}: up, down or never.
   * {@code alerts}: severity/state[/suppressed_by], e.g. {@code critical/firing/silence:3}.
   * {@code maintenance}: the scope of an active window, e.g. {@code device=wr-router}; "" for none.
   */
  static Stream<Arguments> devices() {
    return Stream.of(
        Arguments.of("polled, answering, nothing fires", "up", "", "", Status.OK),
        Arguments.of("never polled, nothing fires", "never", "", "", Status.UNKNOWN),
        Arguments.of("does not answer", "down", "", "", Status.CRITICAL),
        Arguments.of("a critical alert fires", "up", "critical/firing", "", Status.CRITICAL),
        Arguments.of("a warning fires", "up", "warning/firing", "", Status.WARNING),
        Arguments.of("critical beats warning", "up", "warning/firing critical/firing", "", Status.CRITICAL),
        Arguments.of("a pending critical alert does not count yet", "up", "critical/pending", "", Status.OK),
        Arguments.of("an info alert does not count", "up", "info/firing", "", Status.OK),
        Arguments.of("a resolved alert does not count", "up", "critical/resolved", "", Status.OK),
        Arguments.of("a silenced critical alert still counts", "up", "critical/firing/silence:3", "", Status.CRITICAL),
        Arguments.of("a critical alert suppressed by a down parent still counts", "up", "critical/firing/parent:kdo-fw", "",
            Status.CRITICAL),
        Arguments.of("an alert on a never-polled device wins over unknown", "never", "warning/firing", "", Status.WARNING),
        Arguments.of("in maintenance, answering", "up", "", "device=wr-router", Status.MAINTENANCE),
        Arguments.of("in maintenance, not answering", "down", "", "device=wr-router", Status.MAINTENANCE),
        Arguments.of("in maintenance, never polled", "never", "", "tenant=wernigerode", Status.MAINTENANCE),
        Arguments.of("in maintenance by its inventory label", "up", "", "role=router", Status.MAINTENANCE),
        Arguments.of("its critical alert is in the same maintenance", "up", "critical/firing/maintenance:1", "site=wr-rathaus",
            Status.MAINTENANCE),
        Arguments.of("maintenance of another device leaves it ok", "up", "", "device=wr-switch", Status.OK),
        Arguments.of("maintenance of another device does not hide its critical alert", "up", "critical/firing",
            "device=wr-switch", Status.CRITICAL),
        Arguments.of("a critical alert outside a maintenance of one rule wins", "up",
            "critical/firing warning/firing/maintenance:1", "alertname=warning_rule", Status.CRITICAL),
        Arguments.of("a warning in a maintenance of its rule does not count", "up",
            "warning/firing", "alertname=warning_rule", Status.OK),
        Arguments.of("an alert the evaluator suppressed for maintenance does not count", "up",
            "critical/firing/maintenance:9", "", Status.OK));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("devices")
  void a_device_shows_its_state(String name, String poll, String alerts, String maintenance, Status expected) {
    Device router = device("wr-router", "wernigerode", "wr-rathaus", Map.of("role", "router"));
    Inventory inventory = new Inventory(List.of(new Tenant("wernigerode", "Stadt Wernigerode")),
        List.of(new Site("wr-rathaus", "wernigerode", "Rathaus", Optional.empty())), List.of(router));
    Map<String, DeviceStates.State> polled = new HashMap<>();
    if (!poll.equals("never")) {
      polled.put("wr-router", new DeviceStates.State(poll.equals("up"), Map.of(), null, NOW.toEpochMilli()));
    }
    List<Alert> active = new ArrayList<>();
    for (String spec : alerts.split(" ")) {
      if (!spec.isBlank()) {
        String[] parts = spec.split("/");
        active.add(alert(active.size(), "wr-router", Severity.valueOf(parts[0].toUpperCase()),
            AlertState.valueOf(parts[1].toUpperCase()), parts.length > 2 ? Optional.of(parts[2]) : Optional.empty()));
      }
    }
    List<MaintenanceWindow> windows = maintenance.isEmpty() ? List.of() : List.of(window(maintenance, NOW));

    StatusBoard board = StatusCalculator.calculate(inventory, id -> Optional.ofNullable(polled.get(id)), active, windows, NOW);

    assertThat(board.devices()).singleElement().extracting(DeviceStatus::status).isEqualTo(expected);
    assertThat(board.tenants()).singleElement().extracting(tenant -> tenant.summary().status()).isEqualTo(expected);
  }

  /** Device states of one group → the group's state. */
  static Stream<Arguments> groups() {
    return Stream.of(
        Arguments.of("all ok", List.of(Status.OK, Status.OK), Status.OK),
        Arguments.of("one critical among ok", List.of(Status.OK, Status.CRITICAL, Status.OK), Status.CRITICAL),
        Arguments.of("critical beats warning", List.of(Status.WARNING, Status.CRITICAL), Status.CRITICAL),
        Arguments.of("warning beats unknown", List.of(Status.UNKNOWN, Status.WARNING), Status.WARNING),
        Arguments.of("unknown beats ok", List.of(Status.OK, Status.UNKNOWN), Status.UNKNOWN),
        Arguments.of("fully in maintenance", List.of(Status.MAINTENANCE, Status.MAINTENANCE), Status.MAINTENANCE),
        Arguments.of("one device in maintenance among ok ones", List.of(Status.MAINTENANCE, Status.OK), Status.OK),
        Arguments.of("a critical device outside maintenance wins", List.of(Status.MAINTENANCE, Status.CRITICAL), Status.CRITICAL),
        Arguments.of("no devices at all", List.of(), Status.UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  void a_site_or_tenant_shows_the_worst_state_that_counts(String name, List<Status> devices, Status expected) {
    List<DeviceStatus> statuses = new ArrayList<>();
    for (Status status : devices) {
      statuses.add(new DeviceStatus(device("d" + statuses.size(), "t", "s", Map.of()), status, Optional.empty(),
          status == Status.MAINTENANCE, List.of()));
    }
    assertThat(Summary.of(statuses).status()).isEqualTo(expected);
  }

  @Test
  void tenants_and_sites_count_devices_down_alerts_firing_and_devices_in_maintenance() {
    Inventory inventory = new Inventory(
        List.of(new Tenant("wernigerode", "Stadt Wernigerode"), new Tenant("ilsenburg", "Stadt Ilsenburg")),
        List.of(new Site("wr-rathaus", "wernigerode", "Rathaus", Optional.empty()),
            new Site("wr-bauhof", "wernigerode", "Bauhof", Optional.empty()),
            new Site("il-rathaus", "ilsenburg", "Rathaus Ilsenburg", Optional.empty())),
        List.of(device("wr-router", "wernigerode", "wr-rathaus", Map.of()),
            device("wr-switch", "wernigerode", "wr-rathaus", Map.of()),
            device("wr-bauhof-ap", "wernigerode", "wr-bauhof", Map.of()),
            device("il-router", "ilsenburg", "il-rathaus", Map.of())));
    Map<String, DeviceStates.State> polled = Map.of(
        "wr-router", new DeviceStates.State(false, Map.of(), "icmp: timeout", NOW.toEpochMilli()),
        "wr-switch", new DeviceStates.State(true, Map.of(), null, NOW.toEpochMilli()),
        "wr-bauhof-ap", new DeviceStates.State(false, Map.of(), "no reply to ping", NOW.toEpochMilli()),
        "il-router", new DeviceStates.State(true, Map.of(), null, NOW.toEpochMilli()));
    List<Alert> active = List.of(
        alert(1, "wr-router", Severity.CRITICAL, AlertState.FIRING, Optional.empty()),
        alert(2, "wr-switch", Severity.WARNING, AlertState.FIRING, Optional.of("parent:wr-router")),
        alert(3, "wr-switch", Severity.WARNING, AlertState.PENDING, Optional.empty()),
        alert(4, "wr-bauhof-ap", Severity.CRITICAL, AlertState.FIRING, Optional.of("maintenance:1")));
    List<MaintenanceWindow> windows = List.of(window("site=wr-bauhof", NOW));

    StatusBoard board = StatusCalculator.calculate(inventory, id -> Optional.ofNullable(polled.get(id)), active, windows, NOW);

    assertThat(board.tenants()).extracting(tenant -> tenant.tenant().id(), TenantStatus::summary).containsExactly(
        org.assertj.core.groups.Tuple.tuple("wernigerode", new Summary(Status.CRITICAL, 3, 2, 3, 1)),
        org.assertj.core.groups.Tuple.tuple("ilsenburg", new Summary(Status.OK, 1, 0, 0, 0)));
    assertThat(board.sites()).extracting(site -> site.site().id(), SiteStatus::summary).containsExactly(
        org.assertj.core.groups.Tuple.tuple("wr-rathaus", new Summary(Status.CRITICAL, 2, 1, 2, 0)),
        org.assertj.core.groups.Tuple.tuple("wr-bauhof", new Summary(Status.MAINTENANCE, 1, 1, 1, 1)),
        org.assertj.core.groups.Tuple.tuple("il-rathaus", new Summary(Status.OK, 1, 0, 0, 0)));
    assertThat(board.device(ApiScope.EVERYTHING, "wr-switch").alerts()).hasSize(2);
  }

  @Test
  void a_maintenance_window_that_is_over_or_not_yet_begun_does_not_count() {
    Inventory inventory = new Inventory(List.of(new Tenant("wernigerode", "W")), List.of(),
        List.of(device("wr-router", "wernigerode", Device.NO_SITE, Map.of())));
    DeviceStates.State up = new DeviceStates.State(true, Map.of(), null, NOW.toEpochMilli());
    for (Instant start : List.of(NOW.minus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(1)))) {
      StatusBoard board = StatusCalculator.calculate(inventory, id -> Optional.of(up), List.of(),
          List.of(window("device=wr-router", start)), NOW);
      assertThat(board.device(ApiScope.EVERYTHING, "wr-router").status()).isEqualTo(Status.OK);
    }
  }

  @Test
  void another_tenants_objects_look_like_missing_ones_and_a_foreign_parent_is_not_shown() {
    Inventory inventory = new Inventory(
        List.of(new Tenant("wernigerode", "W"), new Tenant("kdo", "K")), List.of(),
        List.of(device("kdo-fw", "kdo", Device.NO_SITE, Map.of()),
            withParent(device("wr-router", "wernigerode", Device.NO_SITE, Map.of()), "kdo-fw"),
            withParent(device("wr-switch", "wernigerode", Device.NO_SITE, Map.of()), "wr-router")));
    StatusBoard board = StatusCalculator.calculate(inventory, id -> Optional.empty(), List.of(), List.of(), NOW);
    ApiScope wernigerode = ApiScope.ofTenant("wernigerode");

    assertThat(board.tenants(wernigerode)).extracting(tenant -> tenant.tenant().id()).containsExactly("wernigerode");
    assertThatThrownBy(() -> board.tenant(wernigerode, "kdo")).isInstanceOf(NotFoundException.class)
        .hasMessage("tenant kdo not found");
    assertThatThrownBy(() -> board.device(wernigerode, "kdo-fw")).isInstanceOf(NotFoundException.class)
        .hasMessage("device kdo-fw not found");
    assertThatThrownBy(() -> board.device(wernigerode, "nowhere")).isInstanceOf(NotFoundException.class)
        .hasMessage("device nowhere not found");
    DeviceStatus router = board.device(wernigerode, "wr-router");
    assertThat(board.parent(wernigerode, router)).isEmpty();
    assertThat(board.parent(ApiScope.EVERYTHING, router)).map(DeviceStatus::id).contains("kdo-fw");
    assertThat(board.children(wernigerode, router)).extracting(DeviceStatus::id).containsExactly("wr-switch");
    assertThat(board.children(ApiScope.ofTenant("kdo"), board.device(ApiScope.EVERYTHING, "kdo-fw"))).isEmpty();
    assertThat(board.devices(wernigerode, DeviceFilter.ALL)).extracting(DeviceStatus::id).containsExactly("wr-router", "wr-switch");
  }

  private static Device device(String id, String tenant, String site, Map<String, String> labels) {
    return new Device(id, tenant, site, "192.0.2.1", Optional.empty(), true, Duration.ofMinutes(1), Optional.empty(), labels,
        List.of(), "inventory.yaml:1");
  }

  private static Device withParent(Device device, String parent) {
    return new Device(device.id(), device.tenant(), device.site(), device.address(), device.snmp(), device.icmp(),
        device.interval(), Optional.of(parent), device.labels(), device.checks(), device.source());
  }

  private static Alert alert(int number, String device, Severity severity, AlertState state, Optional<String> suppressedBy) {
    Map<String, String> labels = Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", device, "role", "router",
        "alertname", severity.label() + "_rule", "severity", severity.label());
    Instant since = NOW.minusSeconds(60 + number);
    return new Alert("a" + number, severity.label() + "_rule", severity, state, labels, Map.of(), since, since,
        Optional.empty(), suppressedBy, false);
  }

  /** A two-hour window starting at {@code start}, scoped by one {@code name=value} matcher. */
  private static MaintenanceWindow window(String scope, Instant start) {
    String[] parts = scope.split("=");
    Instant begin = start.equals(NOW) ? NOW.minus(Duration.ofHours(1)) : start;
    return new MaintenanceWindow(1, List.of(Matcher.equal(parts[0], parts[1])),
        new Schedule.OneOff(begin, begin.plus(Duration.ofHours(2))), "tbecker", "Firmware-Update", NOW.minus(Duration.ofDays(1)),
        Optional.empty());
  }
}
