package org.leitwarte.alerting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.leitwarte.alerting.AlertState;

class AlertQueryTest {

  @Test
  void filters_add_up() {
    AlertQuery query = AlertQuery.all().withTenant("wr").withStates(AlertState.FIRING).withDevice("wr-router").withLimit(20);

    assertThat(query).isEqualTo(new AlertQuery(Set.of(AlertState.FIRING), Optional.of("wr"), Optional.of("wr-router"),
        Optional.empty(), 20));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void a_limit_out_of_range_is_refused(int limit) {
    assertThatThrownBy(() -> AlertQuery.all().withLimit(limit)).hasMessage("limit: must be 1 to 10000, got " + limit);
  }
}
