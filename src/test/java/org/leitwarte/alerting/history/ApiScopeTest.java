package org.leitwarte.alerting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leitwarte.alerting.Matcher;

class ApiScopeTest {

  private static final ApiScope WERNIGERODE = ApiScope.ofTenant("wernigerode");
  private static final Matcher ROUTER = Matcher.equal("device", "wr-router");

  @Test
  void everything_sees_every_tenant_and_global_objects() {
    assertThat(ApiScope.EVERYTHING.sees("halberstadt")).isTrue();
    assertThat(ApiScope.EVERYTHING.sees("")).isTrue();
    assertThat(ApiScope.EVERYTHING.sees(Optional.empty())).isTrue();
    assertThat(ApiScope.EVERYTHING.limit(List.of(ROUTER), "matchers")).containsExactly(ROUTER);
  }

  @Test
  void a_tenant_sees_only_its_own_objects_not_global_ones() {
    assertThat(WERNIGERODE.sees("wernigerode")).isTrue();
    assertThat(WERNIGERODE.sees("halberstadt")).isFalse();
    assertThat(WERNIGERODE.sees("")).isFalse();
    assertThat(WERNIGERODE.sees(Optional.of("wernigerode"))).isTrue();
    assertThat(WERNIGERODE.sees(Optional.empty())).isFalse();
  }

  @Test
  void a_tenants_matchers_are_limited_to_the_tenant() {
    Matcher own = Matcher.equal("tenant", "wernigerode");

    assertThat(WERNIGERODE.limit(List.of(ROUTER), "matchers")).containsExactly(ROUTER, own);
    assertThat(WERNIGERODE.limit(List.of(own, ROUTER), "matchers")).containsExactly(own, ROUTER);
    assertThatThrownBy(() -> WERNIGERODE.limit(List.of(Matcher.equal("tenant", "halberstadt")), "scope"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("scope: may only name your own tenant (tenant=\"wernigerode\")")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("scope"));
    assertThatThrownBy(() -> WERNIGERODE.limit(List.of(Matcher.of("tenant", Matcher.Op.REGEX, ".*")), "matchers"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void the_tenant_of_matchers_is_their_tenant_equality_matcher() {
    assertThat(ApiScope.tenantOf(List.of(ROUTER, Matcher.equal("tenant", "wr")))).contains("wr");
    assertThat(ApiScope.tenantOf(List.of(ROUTER, Matcher.of("tenant", Matcher.Op.NOT_EQUAL, "wr")))).isEmpty();
  }

  @Test
  void refusals_of_value_types_become_refusals_naming_the_api_field() {
    InvalidInputException refusal = InvalidInputException.from(new IllegalArgumentException("expiredAt: must be after createdAt"));

    assertThat(refusal.field()).isEqualTo("expired_at");
    assertThat(refusal).hasMessage("expired_at: must be after createdAt");
    assertThat(InvalidInputException.from(new IllegalArgumentException("no field here")).field()).isEmpty();
  }
}
