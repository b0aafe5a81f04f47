package org.leitwarte.collect.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.leitwarte.inventory.ServiceCheck;

/**
 * GETs the check's URL with the Vert.x HTTP client, from the device's address (the URL's host is only
 * sent as Host header and SNI), and judges the status and, if asked, the body. Over TLS it reports the
 * days the server's certificate has left. Always writes {@code status_code}: 0 when no answer came.
 */
final class HttpProbe {

  /** How much of a page is searched for the expected text. */
  static final int MAX_BODY = 1 << 20;

  private final Clock clock;

  HttpProbe(Clock clock) {
    this.clock = clock;
  }

  /** @param client verifying or trusting all, as the check's {@code tls_verify} says; the future never fails */
  Future<CheckResult> run(HttpClient client, ServiceCheck check, String address, Duration timeout) {
    String url = check.url().orElseThrow().toString();
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(url)
        .setServer(SocketAddress.inetSocketAddress(check.port(), address))
        .setConnectTimeout(timeout.toMillis())
        .setIdleTimeout(timeout.toMillis())
        .putHeader("User-Agent", "Leitwarte service check");
    long started = System.nanoTime();
    return client.request(options)
        .compose(request -> request.send()
            .compose(response -> boundedBody(response).map(body -> judge(check, response, request.connection(),
                body, (System.nanoTime() - started) / 1e6))))
        .otherwise(failure -> CheckResult.failed(Optional.of((System.nanoTime() - started) / 1e6),
            Map.of("status_code", 0L), ProbeFailures.describe(failure, check.port())));
  }

  /** The first {@link #MAX_BODY} bytes of the answer; the rest is read and dropped (a check is no download). */
  private static Future<String> boundedBody(HttpClientResponse response) {
    Promise<String> body = Promise.promise();
    Buffer kept = Buffer.buffer();
    response.handler(chunk -> {
      int room = MAX_BODY - kept.length();
      if (room > 0) {
        kept.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
      }
    });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(kept.toString(StandardCharsets.UTF_8)));
    return body.future();
  }

  private CheckResult judge(ServiceCheck check, HttpClientResponse response, HttpConnection connection, String body,
      double responseMs) {
    int status = response.statusCode();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status_code", (long) status);
    certificateDaysLeft(connection).ifPresent(days -> fields.put("cert_days_left", days));
    String statusLine = status + (response.statusMessage() == null ? "" : " " + response.statusMessage());
    if (check.expectStatus().isPresent() && check.expectStatus().get() != status) {
      return CheckResult.failed(Optional.of(responseMs), fields, "status " + statusLine + ", expected "
          + check.expectStatus().get());
    }
    if (check.expectStatus().isEmpty() && status >= 400) {
      return CheckResult.failed(Optional.of(responseMs), fields, "status " + statusLine);
    }
    if (check.body().isPresent() && !body.contains(check.body().get())) {
      return CheckResult.failed(Optional.of(responseMs), fields, "status " + statusLine + ", but the page does not contain '"
          + check.body().get() + "'");
    }
    return CheckResult.passed(responseMs, fields, "status " + statusLine);
  }

  private Optional<Double> certificateDaysLeft(HttpConnection connection) {
    if (connection == null || !connection.isSsl()) {
      return Optional.empty();
    }
    try {
      List<Certificate> certificates = connection.peerCertificates();
      if (certificates.isEmpty() || !(certificates.get(0) instanceof X509Certificate server)) {
        return Optional.empty();
      }
      return Optional.of(ServerCertificates.daysLeft(server, clock.instant()));
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }
}
