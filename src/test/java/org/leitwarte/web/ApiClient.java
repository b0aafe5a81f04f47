package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A plain HTTP client for Leitwarte's API on loopback, as any other client would call it. */
final class ApiClient {

  /** As the JDK's client comes by default: it asks to upgrade to HTTP/2 (h2c), which Leitwarte declines. */
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** One answer: status, headers we look at, body as text and as JSON. */
  record Answer(int status, Optional<String> contentType, Optional<String> location, Optional<String> allow, String body) {

    JsonObject json() {
      return new JsonObject(body);
    }

    JsonObject error() {
      return json().getJsonObject("error");
    }

    JsonArray array(String field) {
      return json().getJsonArray(field);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final int port;
  private final Optional<String> token;

  /** Sends no credentials. */
  ApiClient(int port) {
    this(port, Optional.empty());
  }

  /** @param token sent as {@code Authorization: Bearer …} with every request */
  ApiClient(int port, Optional<String> token) {
    this.port = port;
    this.token = token;
  }

  /** The same server, as the user of {@code token}. */
  ApiClient as(String token) {
    return new ApiClient(port, Optional.of(token));
  }

  /** The same server, without credentials. */
  ApiClient anonymous() {
    return new ApiClient(port, Optional.empty());
  }

  Answer get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  Answer post(String path, JsonObject body) {
    return post(path, body.encode(), "application/json");
  }

  Answer post(String path, String body, String contentType) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  Answer send(String method, String path, String body) {
    return send(request(path, "Content-Type", "application/json").method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(ANSWER_TIMEOUT);
    token.ifPresent(secret -> builder.header("Authorization", "Bearer " + secret));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    try {
      // The request timeout ends at the headers; a body that never ends must fail the test too.
      HttpResponse<String> response = HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString())
          .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new Answer(response.statusCode(), response.headers().firstValue("content-type"),
          response.headers().firstValue("location"), response.headers().firstValue("allow"), response.body());
    } catch (ExecutionException e) {
      throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("no complete answer within " + ANSWER_TIMEOUT.toSeconds() + " s: " + built.method() + " " + built.uri());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
