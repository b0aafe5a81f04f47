package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain HTTP client for Leitwarte's API on loopback, as any other client would call it. */
final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

  ApiClient(int port) {
    this.port = port;
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
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("content-type"),
          response.headers().firstValue("location"), response.headers().firstValue("allow"), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
