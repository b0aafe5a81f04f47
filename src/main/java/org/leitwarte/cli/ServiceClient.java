package org.leitwarte.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Talks to the running service over its HTTP API, as any client would. Blocking: this is the command line. */
final class ServiceClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** The service did not answer at all. */
  static final class Unreachable extends Exception {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The service answered with an error: its status and message. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT)
      .build();

  private final Optional<String> token;

  /** @param token sent as {@code Authorization: Bearer …}; without one the service refuses with 401 */
  ServiceClient(URI base, Optional<String> token) {
    this.base = base;
    this.token = token;
  }

  URI base() {
    return base;
  }

  JsonObject get(String path, Map<String, String> query) throws Unreachable, Refused {
    return send(HttpRequest.newBuilder(uri(path, query)).GET());
  }

  JsonObject post(String path, JsonObject body) throws Unreachable, Refused {
    return send(HttpRequest.newBuilder(uri(path, Map.of()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** Query parameters with a value, in order. */
  static Map<String, String> query(String... namesAndValues) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        query.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return query;
  }

  private URI uri(String path, Map<String, String> query) {
    String parameters = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return URI.create(base + path + (parameters.isEmpty() ? "" : "?" + parameters));
  }

  private JsonObject send(HttpRequest.Builder request) throws Unreachable, Refused {
    request.timeout(ANSWER_TIMEOUT).header("Accept", "application/json");
    token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
    HttpRequest built = request.build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable("Leitwarte is not reachable at " + base + " (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while waiting for Leitwarte at " + base, e);
    }
    JsonObject body = json(response.body());
    if (response.statusCode() >= 400) {
      String message = Optional.ofNullable(body.getJsonObject("error")).map(error -> error.getString("message"))
          .orElse("HTTP " + response.statusCode());
      if (response.statusCode() == 401) {
        message += token.isEmpty()
            ? " (no token given: use --token-file FILE or set LEITWARTE_TOKEN)"
            : " (the token is unknown, revoked, or its user disabled)";
      }
      throw new Refused(response.statusCode(), message);
    }
    return body;
  }

  private static JsonObject json(String text) {
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    }
    return message;
  }
}
