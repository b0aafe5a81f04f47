package org.leitwarte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.leitwarte.LeitwarteEndToEndTest.await;
import static org.leitwarte.LeitwarteEndToEndTest.loadConfig;
import static org.leitwarte.LeitwarteEndToEndTest.loadInventory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.collect.Schema;
import org.leitwarte.testsupport.ChronyServer;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;

/**
 * Leitwarte with a device that has NTP, SMTP, HTTPS and TCP checks, against real servers on loopback:
 * chronyd whose clock is three seconds ahead, GreenMail, a Vert.x HTTPS server with a certificate that
 * expires in four days, and a listening socket. Every interval writes all four checks to InfluxDB, and
 * the shipped rules raise the NTP offset warning and the certificate warning.
 */
class ServiceCheckEndToEndTest {

  @TempDir Path dir;

  @Test
  void all_four_checks_reach_influxdb_each_interval_and_a_clock_three_seconds_off_raises_the_ntp_warning()
      throws Exception {
    int smtpPort = FreePorts.tcp();
    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    Vertx web = Vertx.vertx();
    try (InfluxDbServer influx = InfluxDbServer.start();
        ChronyServer chrony = ChronyServer.startOffBy(Duration.ofSeconds(3));
        ServerSocket database = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      mail.start();
      HttpServer portal = await(https(web).listen());
      Path config = writeConfig(influx, chrony.port(), smtpPort, portal.actualPort(), database.getLocalPort());
      Vertx vertx = Vertx.vertx();
      Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
      try {
        Eventually.until("three points of every check in InfluxDB", Duration.ofSeconds(40),
            () -> List.of("zeit", "mail", "portal", "datenbank").stream()
                .allMatch(check -> count(influx, "SELECT count(ok) FROM service_check WHERE \"check\" = '" + check + "'") >= 3));

        // One point per check and interval, all stamped with the same poll slots.
        List<Map<String, Object>> perCheck = influx.query("services",
            "SELECT count(ok), min(ok) FROM service_check WHERE time < now() - 1s GROUP BY \"check\"");
        assertThat(perCheck).extracting(row -> row.get("check"))
            .containsExactlyInAnyOrder("zeit", "mail", "portal", "datenbank");
        assertThat(perCheck).extracting(row -> ((Number) row.get("count")).longValue()).containsOnly(
            ((Number) perCheck.get(0).get("count")).longValue());
        // Every check passes. The very first poll runs while Leitwarte is still starting its web server, and
        // on a busy two-core test machine the first TLS connection of the JVM may then miss its timeout.
        String firstSlot = (String) influx.query("services", "SELECT first(ok) FROM service_check").get(0).get("time");
        assertThat(influx.query("services",
            "SELECT \"check\", message FROM service_check WHERE ok = 0 AND time > '" + firstSlot + "'")).isEmpty();

        Map<String, Object> ntp = influx.query("services",
            "SELECT last(offset_ms) AS ntp_offset, last(stratum) AS ntp_stratum FROM service_check WHERE \"check\" = 'zeit'").get(0);
        assertThat(((Number) ntp.get("ntp_offset")).doubleValue()).isCloseTo(3000.0, within(300.0));
        assertThat(((Number) ntp.get("ntp_stratum")).longValue()).isEqualTo(8L);
        Map<String, Object> https = influx.query("services",
            "SELECT last(cert_days_left) AS days, last(status_code) AS status FROM service_check WHERE \"check\" = 'portal'").get(0);
        assertThat(((Number) https.get("days")).doubleValue()).isCloseTo(4.0, within(0.05));
        assertThat(((Number) https.get("status")).longValue()).isEqualTo(200L);
        assertThat(influx.query("services", "SHOW TAG VALUES FROM service_check WITH KEY = target"))
            .extracting(row -> row.get("value"))
            .contains("127.0.0.1:" + chrony.port(), "https://127.0.0.1:" + portal.actualPort() + "/login");

        // Every field written has the name and type of the schema.
        Schema.Measurement declared = Schema.standard().measurement("service_check").orElseThrow();
        for (Map<String, Object> row : influx.query("services", "SHOW FIELD KEYS FROM service_check")) {
          String field = (String) row.get("fieldKey");
          assertThat(declared.fields()).containsKey(field);
          assertThat(declared.fields().get(field).name().toLowerCase(java.util.Locale.ROOT)).as(field).isEqualTo(row.get("fieldType"));
        }

        // The shipped rules: the certificate warning at once, the NTP warning at the check 30 s later.
        Eventually.until("ntp_offset_high and certificate_expiring firing", Duration.ofSeconds(45),
            () -> firing(leitwarte).containsAll(List.of("ntp_offset_high", "certificate_expiring")));
        Alert offset = await(leitwarte.alerts().active()).stream().filter(a -> a.rule().equals("ntp_offset_high")).findFirst()
            .orElseThrow();
        assertThat(offset.labels()).containsEntry("device", "wr-app1").containsEntry("check", "zeit").containsEntry("severity", "warning");
        assertThat(offset.annotations().get("de").get("summary")).startsWith("Uhr von wr-app1 weicht um 3");
        assertThat(firing(leitwarte)).doesNotContain("ntp_offset_critical", "service_check_failed", "http_status_unexpected",
            "certificate_expiring_critical");
      } finally {
        await(leitwarte.stop());
        await(vertx.close());
      }
    } finally {
      mail.stop();
      web.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private HttpServer https(Vertx web) throws Exception {
    Path keystore = dir.resolve("portal.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "portal", "-keyalg", "EC", "-groupname", "secp256r1",
        "-validity", "4", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "geheim123", "-keypass", "geheim123")
        .redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as("keytool").isTrue();
    return web.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
            .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("geheim123")))
        .requestHandler(request -> request.response().end("<h1>Anmeldung</h1>"));
  }

  private static List<String> firing(Leitwarte leitwarte) {
    try {
      return await(leitwarte.alerts().active()).stream().filter(alert -> alert.state() == AlertState.FIRING)
          .map(Alert::rule).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(InfluxDbServer influx, String query) {
    List<Map<String, Object>> rows = influx.query("services", query);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  private Path writeConfig(InfluxDbServer influx, int ntpPort, int smtpPort, int httpsPort, int tcpPort) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.copy(Path.of("alert-rules/services.yaml"), rules.resolve("services.yaml"));
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            checks:
              - {name: zeit, kind: ntp, port: %d}
              - {name: mail, kind: smtp, port: %d}
              - {name: portal, kind: https, url: "https://127.0.0.1:%d/login", expect_status: 200, body: Anmeldung, tls_verify: false}
              - {name: datenbank, kind: tcp, port: %d}
        """.formatted(ntpPort, smtpPort, httpsPort, tcpPort));
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: services}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        rules: rules
        polling: {interval: 4s}
        # Generous: the first TLS connection of a cold JVM on a busy test machine can take seconds.
        service_checks: {concurrency: 4, timeout: 3500ms}
        """.formatted(FreePorts.tcp(), influx.url()));
    return config;
  }
}
