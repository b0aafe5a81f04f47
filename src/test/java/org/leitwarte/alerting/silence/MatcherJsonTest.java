package org.leitwarte.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leitwarte.alerting.Matcher;

class MatcherJsonTest {

  @Test
  void matchers_of_every_kind_read_back_equal_and_still_match() {
    List<Matcher> matchers = List.of(
        Matcher.equal("device", "wr-router"), Matcher.of("site", Matcher.Op.NOT_EQUAL, ""),
        Matcher.of("ifName", Matcher.Op.REGEX, "ge-0/0/[0-9]+"), Matcher.of("alertname", Matcher.Op.NOT_REGEX, "Device.*"));

    List<Matcher> read = MatcherJson.fromJson(new JsonArray(MatcherJson.toJson(matchers).encode()));

    assertThat(read).isEqualTo(matchers);
    assertThat(read.get(2).matches(java.util.Map.of("ifName", "ge-0/0/12"))).isTrue();
    assertThat(MatcherJson.toText(matchers).getList())
        .containsExactly("device=\"wr-router\"", "site!=\"\"", "ifName=~\"ge-0/0/[0-9]+\"", "alertname!~\"Device.*\"");
  }

  @Test
  void an_entry_that_is_not_a_matcher_is_named() {
    assertThatThrownBy(() -> MatcherJson.fromJson(new JsonArray("[{\"name\":\"a\",\"op\":\"=\",\"value\":\"b\"},{\"name\":\"a\",\"op\":\"==\",\"value\":\"b\"}]")))
        .hasMessageStartingWith("matchers[1]: expected {name, op (= != =~ !~), value}");
  }
}
