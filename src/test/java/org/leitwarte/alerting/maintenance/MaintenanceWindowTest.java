package org.leitwarte.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leitwarte.alerting.Matcher;

class MaintenanceWindowTest {

  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Schedule TUESDAY_NIGHT =
      Schedule.Recurring.weekly(DayOfWeek.TUESDAY, "22:00", "23:30", ZoneId.of("Europe/Berlin"));

  @Test
  void a_window_must_have_a_scope_that_does_not_match_everything() {
    assertThatThrownBy(() -> window(1, List.of())).hasMessage("scope: at least one matcher is required");
    assertThatThrownBy(() -> window(1, List.of(Matcher.of("tenant", Matcher.Op.REGEX, ".*"))))
        .hasMessageStartingWith("scope: [tenant=~\".*\"] would match every alert");
    assertThatThrownBy(() -> new MaintenanceWindow(1, MaintenanceWindow.tenantScope("wr"), TUESDAY_NIGHT, " ", "x", CREATED, Optional.empty()))
        .hasMessage("author: must not be blank");
  }

  @Test
  void the_tenant_of_a_window_comes_from_its_tenant_matcher() {
    assertThat(window(1, MaintenanceWindow.labelScope(Map.of("tenant", "wr", "device", "wr-router"))).tenant()).contains("wr");
    assertThat(window(1, MaintenanceWindow.deviceScope("wr-router")).tenant()).isEmpty();
    assertThat(window(1, List.of(Matcher.of("tenant", Matcher.Op.NOT_EQUAL, "wr"), Matcher.equal("role", "router"))).tenant())
        .isEmpty();
  }

  @Test
  void an_expired_window_has_no_next_start_and_is_over() {
    MaintenanceWindow open = window(1, MaintenanceWindow.deviceScope("wr-router"));
    MaintenanceWindow expired = new MaintenanceWindow(1, MaintenanceWindow.deviceScope("wr-router"), TUESDAY_NIGHT,
        "alice", "router firmware update", CREATED, Optional.of(Instant.parse("2026-03-12T00:00:00Z")));
    Instant wednesday = Instant.parse("2026-03-11T12:00:00Z");

    assertThat(open.nextStart(wednesday)).contains(Instant.parse("2026-03-17T21:00:00Z"));
    assertThat(open.isOver(wednesday)).isFalse();
    assertThat(expired.nextStart(wednesday)).isEmpty();
    assertThat(expired.isOver(Instant.parse("2026-03-12T00:00:00Z"))).isTrue();
    assertThat(expired.nextStart(Instant.parse("2026-03-10T12:00:00Z"))).as("before it expired")
        .contains(Instant.parse("2026-03-10T21:00:00Z"));
  }

  private static MaintenanceWindow window(long id, List<Matcher> scope) {
    return new MaintenanceWindow(id, scope, TUESDAY_NIGHT, "alice", "router firmware update", CREATED, Optional.empty());
  }
}
