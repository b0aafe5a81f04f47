package org.leitwarte.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Suppressor;

class SilenceSuppressorTest {

  private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");
  private static final Instant END = Instant.parse("2026-03-10T12:00:00Z");
  private static final Map<String, String> ROUTER_UPLINK =
      Map.of("alertname", "InterfaceDown", "tenant", "wr", "device", "wr-router", "ifName", "ge-0/0/1");

  @ParameterizedTest(name = "{0} silenced: {1}")
  @CsvSource({
    "2026-03-10T07:59:59.999Z, false",
    "2026-03-10T08:00:00Z,     true",
    "2026-03-10T11:59:59.999Z, true",
    "2026-03-10T12:00:00Z,     false",
  })
  void a_silence_holds_from_its_start_until_its_end(Instant now, boolean silenced) {
    Suppressor suppressor = new SilenceSuppressor(List.of(silence(7, Matcher.equal("device", "wr-router"))));

    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, now)).isEqualTo(silenced ? Optional.of("silence:7") : Optional.empty());
  }

  @Test
  void all_matchers_must_match() {
    Suppressor suppressor = new SilenceSuppressor(List.of(silence(
        3, Matcher.equal("device", "wr-router"), Matcher.of("ifName", Matcher.Op.REGEX, "ge-0/0/[0-9]+"),
        Matcher.of("alertname", Matcher.Op.NOT_EQUAL, "DeviceDown"))));
    Instant now = START.plusSeconds(60);

    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, now)).contains("silence:3");
    assertThat(suppressor.suppressedBy(Map.of("device", "wr-router", "ifName", "xe-1/0/0"), now)).isEmpty();
    assertThat(suppressor.suppressedBy(Map.of("device", "wr-router", "ifName", "ge-0/0/2", "alertname", "DeviceDown"), now))
        .isEmpty();
  }

  @Test
  void an_expired_silence_no_longer_suppresses() {
    Silence expired = new Silence(5, List.of(Matcher.equal("device", "wr-router")), START, END, "alice", "known",
        START, Optional.of(START.plusSeconds(600)));
    Suppressor suppressor = new SilenceSuppressor(List.of(expired));

    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, START.plusSeconds(599))).contains("silence:5");
    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, START.plusSeconds(600))).isEmpty();
  }

  @Test
  void replacing_the_silences_takes_effect_at_once_and_the_oldest_names_the_reason() {
    SilenceSuppressor suppressor = new SilenceSuppressor();
    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, START)).isEmpty();

    suppressor.replace(List.of(silence(9, Matcher.equal("tenant", "wr")), silence(2, Matcher.equal("device", "wr-router"))));

    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, START)).contains("silence:2");
    suppressor.replace(List.of());
    assertThat(suppressor.suppressedBy(ROUTER_UPLINK, START)).isEmpty();
  }

  @Test
  void a_silence_is_validated_as_alertmanager_does() {
    assertThatThrownBy(() -> silence(1)).hasMessage("matchers: at least one matcher is required");
    assertThatThrownBy(() -> silence(1, Matcher.of("device", Matcher.Op.REGEX, ".*"), Matcher.of("site", Matcher.Op.NOT_EQUAL, "x")))
        .hasMessageStartingWith("matchers: [device=~\".*\", site!=\"x\"] would match every alert");
    assertThatThrownBy(() -> new Silence(1, List.of(Matcher.equal("device", "x")), END, START, "alice", "c", START, Optional.empty()))
        .hasMessage("endsAt: must be after startsAt (2026-03-10T12:00:00Z), got 2026-03-10T08:00:00Z");
    assertThatThrownBy(() -> new Silence(1, List.of(Matcher.equal("device", "x")), START, END, "", "c", START, Optional.empty()))
        .hasMessage("author: must not be blank");
    assertThatThrownBy(() -> new Silence(1, List.of(Matcher.equal("device", "x")), START, END, "alice", " ", START, Optional.empty()))
        .hasMessage("comment: must not be blank (say why)");
  }

  private static Silence silence(long id, Matcher... matchers) {
    return new Silence(id, List.of(matchers), START, END, "alice", "uplink being replaced", START, Optional.empty());
  }
}
