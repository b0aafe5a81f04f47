package org.leitwarte.collect.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.testsupport.FreePorts;

/**
 * HTTP(S) and TCP checks against a local Vert.x server: an HTTPS page with a certificate that expires
 * in four days, a plain HTTP page that answers 503, a port that listens and one that does not.
 */
class WebCheckTest {

  @TempDir static Path dir;
  private static CheckRun checks;
  private static HttpServer https;
  private static HttpServer http;

  @BeforeAll
  static void start() throws Exception {
    checks = new CheckRun();
    TestCertificate certificate = TestCertificate.valid(dir, 4);
    https = await(checks.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
            .setKeyCertOptions(new PfxOptions().setPath(certificate.keystore().toString()).setPassword(certificate.password())))
        .requestHandler(request -> {
          if (request.path().equals("/gross")) {
            request.response().end("Anfang" + "x".repeat(2 << 20) + "Ende");
          } else if (request.path().equals("/login")) {
            request.response().putHeader("Content-Type", "text/html").end("<h1>Anmeldung</h1>");
          } else {
            request.response().setStatusCode(404).end("nicht gefunden");
          }
        })
        .listen());
    http = await(checks.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> request.response().setStatusCode(503).end("Wartung"))
        .listen());
  }

  @AfterAll
  static void stop() throws Exception {
    await(https.close());
    await(http.close());
    checks.close();
  }

  @Test
  void an_https_page_passes_and_its_certificate_has_four_days_left() throws Exception {
    String url = "https://127.0.0.1:" + https.actualPort() + "/login";
    Sample sample = checks.run(CheckRun.http("portal", url, Optional.of(200), Optional.of("Anmeldung"), false));

    assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
    assertThat(sample.field("status_code")).isEqualTo(200L);
    assertThat((Double) sample.field("cert_days_left")).isCloseTo(4.0, within(0.02));
    assertThat(sample.tags()).containsEntry("kind", "https").containsEntry("target", url);
  }

  @Test
  void a_page_without_the_expected_text_fails_and_says_what_is_missing() throws Exception {
    String url = "https://127.0.0.1:" + https.actualPort() + "/login";
    Sample sample = checks.run(CheckRun.http("portal", url, Optional.empty(), Optional.of("Willkommen"), false));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat(sample.field("status_code")).isEqualTo(200L);
    assertThat((String) sample.field("message")).contains("'Willkommen'");
  }

  @Test
  void only_the_first_megabyte_of_a_large_page_is_searched() throws Exception {
    String url = "https://127.0.0.1:" + https.actualPort() + "/gross";
    Sample start = checks.run(CheckRun.http("gross", url, Optional.empty(), Optional.of("Anfang"), false));
    Sample end = checks.run(CheckRun.http("gross", url, Optional.empty(), Optional.of("Ende"), false));

    assertThat(start.field("ok")).as(String.valueOf(start.field("message"))).isEqualTo(1L);
    assertThat(end.field("ok")).isEqualTo(0L);
    assertThat((String) end.field("message")).contains("'Ende'");
  }

  @Test
  void a_status_other_than_the_expected_one_fails() throws Exception {
    String url = "https://127.0.0.1:" + https.actualPort() + "/fehlt";
    Sample sample = checks.run(CheckRun.http("portal", url, Optional.of(200), Optional.empty(), false));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat(sample.field("status_code")).isEqualTo(404L);
    assertThat((String) sample.field("message")).isEqualTo("status 404 Not Found, expected 200");
  }

  @Test
  void a_self_signed_certificate_fails_a_verifying_check_without_an_http_status() throws Exception {
    String url = "https://127.0.0.1:" + https.actualPort() + "/login";
    Sample sample = checks.run(CheckRun.http("portal", url, Optional.empty(), Optional.empty(), true));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat(sample.field("status_code")).isEqualTo(0L);
  }

  @Test
  void a_plain_http_page_answering_503_fails_with_that_status_and_no_certificate() throws Exception {
    Sample sample = checks.run(CheckRun.http("intranet", "http://127.0.0.1:" + http.actualPort() + "/", Optional.empty(),
        Optional.empty(), true));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat(sample.field("status_code")).isEqualTo(503L);
    assertThat(sample.fields()).doesNotContainKey("cert_days_left");
  }

  @Test
  void a_web_server_that_accepts_and_says_nothing_times_out_without_a_status() throws Exception {
    try (SilentServer silent = SilentServer.silent()) {
      Sample sample = checks.run(CheckRun.http("portal", "http://127.0.0.1:" + silent.port() + "/", Optional.empty(),
          Optional.empty(), true));

      assertThat(sample.field("ok")).isEqualTo(0L);
      assertThat(sample.field("status_code")).isEqualTo(0L);
      assertThat((String) sample.field("message")).contains("timed out");
    }
  }

  @Test
  void a_listening_port_passes_the_tcp_check_and_a_closed_one_fails_it() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
      Sample open = checks.run(CheckRun.check("datenbank", Kind.TCP, listening.getLocalPort()));
      Sample closed = checks.run(CheckRun.check("datenbank", Kind.TCP, FreePorts.tcp()));

      assertThat(open.field("ok")).isEqualTo(1L);
      assertThat(open.tags()).containsEntry("target", "127.0.0.1:" + listening.getLocalPort());
      assertThat(closed.field("ok")).isEqualTo(0L);
      assertThat((String) closed.field("message")).contains("refused");
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
