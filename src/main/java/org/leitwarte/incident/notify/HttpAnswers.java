package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;

/**
 * What an HTTP answer means for a delivery: 2xx taken; 408, 429 and 5xx worth another try; any other
 * answer permanent. Messages never show the URL's path or query: webhook and gateway URLs often carry
 * their token there.
 */
final class HttpAnswers {

  private static final int MAX_BODY = 200;

  private HttpAnswers() {}

  static Future<String> outcome(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    String body = shortBody(response.bodyAsString());
    String answer = "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
    if (status >= 200 && status < 300) {
      return Future.succeededFuture(answer);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return Future.failedFuture(DeliveryFailure.transientFailure(answer));
    }
    return Future.failedFuture(DeliveryFailure.permanentFailure(answer));
  }

  /** A failure before any answer (refused, timed out, TLS): worth another try. */
  static <T> Future<T> unreachable(Throwable error, URI url) {
    return Future.failedFuture(DeliveryFailure.transientFailure(withoutSecrets(DeliveryFailure.describe(error), url), error));
  }

  /** {@code https://host:port} of a URL: enough to say where, nothing that authorises. */
  static String origin(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  static String withoutSecrets(String message, URI url) {
    String cleaned = message;
    if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) {
      cleaned = cleaned.replace(url.getRawQuery(), "…");
    }
    if (url.getRawPath() != null && url.getRawPath().length() > 1) {
      cleaned = cleaned.replace(url.getRawPath(), "/…");
    }
    return cleaned;
  }

  private static String shortBody(String body) {
    if (body == null) {
      return "";
    }
    String line = body.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_BODY ? line : line.substring(0, MAX_BODY) + "…";
  }
}
