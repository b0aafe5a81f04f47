package org.leitwarte.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Suppressor;
import org.leitwarte.alerting.maintenance.Schedule.OneOff;

class MaintenanceSuppressorTest {

  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant TUESDAY_22_15 = Instant.parse("2026-03-10T21:15:00Z");
  private static final Schedule TUESDAY_NIGHT =
      Schedule.Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", ZoneId.of("Europe/Berlin"));
  private static final Map<String, String> ROUTER = Map.of("tenant", "wr", "site", "wr-rathaus", "device", "wr-router");
  private static final Map<String, String> OTHER_TENANT = Map.of("tenant", "il", "device", "il-printer");

  @Test
  void a_window_in_effect_suppresses_the_alerts_in_its_scope_and_names_itself() {
    Suppressor suppressor = new MaintenanceSuppressor(List.of(window(12, MaintenanceWindow.deviceScope("wr-router"))));

    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15)).contains("maintenance:12");
    assertThat(suppressor.suppressedBy(OTHER_TENANT, TUESDAY_22_15)).isEmpty();
    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15.plusSeconds(75 * 60))).as("23:30, the end").isEmpty();
  }

  @Test
  void tenant_site_and_label_scopes_match_what_they_say() {
    MaintenanceSuppressor suppressor = new MaintenanceSuppressor(List.of(
        window(1, MaintenanceWindow.tenantScope("il")),
        window(2, MaintenanceWindow.siteScope("wr-rathaus")),
        window(3, MaintenanceWindow.labelScope(Map.of("tenant", "kdo", "role", "firewall")))));

    assertThat(suppressor.suppressedBy(OTHER_TENANT, TUESDAY_22_15)).contains("maintenance:1");
    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15)).contains("maintenance:2");
    assertThat(suppressor.suppressedBy(Map.of("tenant", "kdo", "role", "firewall", "device", "kdo-fw"), TUESDAY_22_15))
        .contains("maintenance:3");
    assertThat(suppressor.suppressedBy(Map.of("tenant", "kdo", "role", "switch"), TUESDAY_22_15)).isEmpty();
  }

  @Test
  void an_expired_window_no_longer_suppresses() {
    MaintenanceWindow expired = new MaintenanceWindow(
        7, MaintenanceWindow.deviceScope("wr-router"), TUESDAY_NIGHT, "alice", "switch swap", CREATED,
        Optional.of(TUESDAY_22_15.minusSeconds(60)));
    MaintenanceWindow expiresLater = new MaintenanceWindow(
        8, MaintenanceWindow.deviceScope("wr-router"), TUESDAY_NIGHT, "alice", "switch swap", CREATED,
        Optional.of(TUESDAY_22_15.plusSeconds(60)));

    assertThat(new MaintenanceSuppressor(List.of(expired)).suppressedBy(ROUTER, TUESDAY_22_15)).isEmpty();
    assertThat(new MaintenanceSuppressor(List.of(expiresLater)).suppressedBy(ROUTER, TUESDAY_22_15))
        .contains("maintenance:8");
    assertThat(new MaintenanceSuppressor(List.of(expiresLater)).suppressedBy(ROUTER, TUESDAY_22_15.plusSeconds(60)))
        .isEmpty();
  }

  @Test
  void replacing_the_windows_takes_effect_at_once_and_the_oldest_names_the_reason() {
    MaintenanceSuppressor suppressor = new MaintenanceSuppressor();
    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15)).isEmpty();

    suppressor.replace(List.of(window(9, MaintenanceWindow.tenantScope("wr")), window(4, MaintenanceWindow.deviceScope("wr-router"))));

    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15)).contains("maintenance:4");
  }

  @Test
  void a_one_off_window_suppresses_only_between_start_and_end() {
    MaintenanceWindow window = new MaintenanceWindow(
        5, MaintenanceWindow.tenantScope("wr"), new OneOff(TUESDAY_22_15, TUESDAY_22_15.plusSeconds(600)),
        "alice", "firmware", CREATED, Optional.empty());
    MaintenanceSuppressor suppressor = new MaintenanceSuppressor(List.of(window));

    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15.minusMillis(1))).isEmpty();
    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15)).contains("maintenance:5");
    assertThat(suppressor.suppressedBy(ROUTER, TUESDAY_22_15.plusSeconds(600))).isEmpty();
  }

  private static MaintenanceWindow window(long id, List<Matcher> scope) {
    return new MaintenanceWindow(id, scope, TUESDAY_NIGHT, "alice", "router firmware update", CREATED, Optional.empty());
  }
}
