package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.collect.snmp.CollectorHarness.only;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.testsupport.SnmpdExtension;
import org.leitwarte.testsupport.SnmpdServer;
import org.leitwarte.testsupport.SnmpdServer.User;

@ExtendWith(SnmpdExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnmpCollectorV3Test {

  private static final long SLOT = 1_700_000_000_000L;

  private final SnmpdServer snmpd;
  private CollectorHarness harness;

  SnmpCollectorV3Test(SnmpdServer snmpd) {
    this.snmpd = snmpd;
  }

  @BeforeAll
  void startCollector() throws Exception {
    harness = new CollectorHarness();
  }

  @AfterAll
  void stopCollector() throws Exception {
    harness.close();
  }

  static Stream<User> users() {
    return SnmpdServer.USERS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("users")
  void v3_poll_succeeds_with_every_auth_and_priv_protocol(User user) throws Exception {
    Device device = snmpd.device("v3-" + user.name(), snmpd.v3Settings(user));

    PollResult result = harness.poll(device, SLOT);

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    Sample snmp = only(result, "snmp");
    assertThat(snmp.field("sys_name")).isEqualTo(SnmpdServer.SYS_NAME);
    assertThat(result.samples()).extracting(Sample::measurement).contains("interface", "storage", "load");
  }

  @Test
  void wrong_auth_password_is_an_auth_failure_with_reachable_zero() throws Exception {
    User wrong = SnmpdServer.MONUSER.withPasswords("wrongpass99", "privpass123");
    Device device = snmpd.device("v3-wrong-auth", snmpd.v3Settings(wrong));

    PollResult result = harness.poll(device, SLOT);

    assertThat(result).isInstanceOfSatisfying(PollResult.AuthFailure.class,
        failure -> assertThat(failure.reason()).contains("wrong digest"));
    assertThat(result.samples()).singleElement().satisfies(sample ->
        assertThat(sample.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("reachable", 0L, "status", "auth_failure")));
  }

  @Test
  void wrong_priv_password_is_an_auth_failure_on_every_poll() throws Exception {
    // net-snmp drops what it cannot decrypt without a report; the collector infers the cause
    // from the engine discovery that did get an answer.
    User wrong = SnmpdServer.MONUSER.withPasswords("authpass123", "wrongpriv99");
    Device device = snmpd.device("v3-wrong-priv", snmpd.v3Settings(wrong));

    for (int round = 0; round < 2; round++) {
      PollResult result = harness.poll(device, SLOT + round);
      assertThat(result).isInstanceOfSatisfying(PollResult.AuthFailure.class,
          failure -> assertThat(failure.reason()).contains("priv password"));
      assertThat(only(result, "snmp").fields()).containsEntry("reachable", 0L).containsEntry("status", "auth_failure");
    }
  }

  @Test
  void unknown_user_is_an_auth_failure() throws Exception {
    User stranger = new User("stranger", SnmpSettings.AuthProtocol.SHA, "authpass123", PrivProtocol.AES_128, "privpass123");

    PollResult result = harness.poll(snmpd.device("v3-stranger", snmpd.v3Settings(stranger)), SLOT);

    assertThat(result).isInstanceOfSatisfying(PollResult.AuthFailure.class,
        failure -> assertThat(failure.reason()).contains("unknown user"));
  }

  @Test
  void priv_user_asked_without_privacy_is_an_authorization_failure() throws Exception {
    User withoutPriv = new User("monuser", SnmpdServer.MONUSER.auth(), "authpass123", PrivProtocol.NONE, null);

    PollResult result = harness.poll(snmpd.device("v3-no-priv", snmpd.v3Settings(withoutPriv)), SLOT);

    assertThat(result).isInstanceOfSatisfying(PollResult.AuthFailure.class,
        failure -> assertThat(failure.reason()).contains("authorization"));
  }

  @Test
  void nothing_listening_is_a_quick_timeout_with_reachable_zero() throws Exception {
    // A port nobody listens on: the engine discovery gets no answer, nothing else is sent.
    int closedPort = SnmpdServerPorts.closedUdpPort();
    SnmpSettings settings = snmpd.v3Settings(SnmpdServer.MONUSER);
    SnmpSettings nowhere = new SnmpSettings(settings.version(), closedPort, settings.community(), settings.user(),
        settings.auth(), settings.authPassword(), settings.priv(), settings.privPassword(), settings.context(),
        java.time.Duration.ofMillis(200), 0, 10);

    PollResult result = harness.poll(SnmpdServer.device("v3-nowhere", SnmpdServer.HOST, nowhere), SLOT);

    assertThat(result).isInstanceOf(PollResult.Timeout.class);
    assertThat(result.samples()).singleElement().satisfies(sample ->
        assertThat(sample.fields()).containsEntry("reachable", 0L).containsEntry("status", "timeout"));
  }

  @Test
  void restarted_agent_with_new_engine_boots_keeps_being_polled() throws Exception {
    try (SnmpdServer own = SnmpdServer.start(List.of(SnmpdServer.MONUSER))) {
      Device device = own.device("v3-restarted", own.v3Settings(SnmpdServer.MONUSER));
      assertThat(harness.poll(device, SLOT)).isInstanceOf(PollResult.Ok.class);

      own.restart();

      PollResult afterRestart = harness.poll(device, SLOT + 60_000);
      assertThat(afterRestart).isInstanceOf(PollResult.Ok.class);
      assertThat(only(afterRestart, "snmp").field("sys_name")).isEqualTo(SnmpdServer.SYS_NAME);
    }
  }

  @Test
  void same_user_name_with_different_passwords_on_two_agents_does_not_clash() throws Exception {
    User other = SnmpdServer.MONUSER.withPasswords("otherauth456", "otherpriv456");
    try (SnmpdServer second = SnmpdServer.start(List.of(other))) {
      Device first = snmpd.device("v3-same-name-1", snmpd.v3Settings(SnmpdServer.MONUSER));
      Device secondDevice = second.device("v3-same-name-2", second.v3Settings(other));

      for (int round = 0; round < 2; round++) {
        assertThat(harness.poll(first, SLOT + round)).isInstanceOf(PollResult.Ok.class);
        assertThat(harness.poll(secondDevice, SLOT + round)).isInstanceOf(PollResult.Ok.class);
      }
    }
  }
}
