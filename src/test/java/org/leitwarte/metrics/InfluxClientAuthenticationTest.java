package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;
import org.leitwarte.testsupport.InfluxDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * InfluxDB as production runs it: authentication on, the database made by the administrator, and
 * Leitwarte writing as a user who may write but not create databases.
 */
class InfluxClientAuthenticationTest {

  private static InfluxDbServer influx;

  @BeforeAll
  static void startInfluxWithAuthentication() {
    influx = InfluxDbServer.startWithAuthentication();
    influx.createDatabase("leitwarte");
    influx.query("CREATE USER schreiber WITH PASSWORD 'schreib-passwort'");
    influx.query("GRANT WRITE ON \"leitwarte\" TO schreiber");
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @Test
  void a_writer_without_admin_rights_finds_the_existing_database_and_writes() {
    try (InfluxClient client = InfluxClient.connect(config("schreiber", "schreib-passwort"))) {
      assertThat(client.ensureDatabase()).isEqualTo(InfluxOutcome.OK);
      assertThat(client.write(List.of("icmp,tenant=t,site=-,device=d loss_pct=0 1700000000000"))).isEqualTo(InfluxOutcome.OK);
    }
    assertThat(influx.query("leitwarte", "SELECT loss_pct FROM icmp")).hasSize(1);
  }

  @Test
  void a_wrong_password_is_reported_as_refused_not_as_a_missing_database() {
    try (InfluxClient client = InfluxClient.connect(config("schreiber", "falsch"))) {
      InfluxOutcome outcome = client.ensureDatabase();
      assertThat(outcome).isNotEqualTo(InfluxOutcome.OK).isNotInstanceOf(InfluxOutcome.DatabaseMissing.class);
      assertThat(outcome.toString()).doesNotContain("falsch");
    }
  }

  private static LeitwarteConfig.Influx config(String user, String password) {
    return new LeitwarteConfig.Influx(influx.url(), "leitwarte", "autogen", Duration.ZERO, Optional.of(user),
        Optional.of(Secret.of(password)), 5_000, Duration.ofSeconds(1));
  }
}
