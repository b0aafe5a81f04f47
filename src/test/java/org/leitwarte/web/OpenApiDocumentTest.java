package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.openapi.contract.OpenAPIContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.health.Health;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document is served, is a valid OpenAPI document, and describes exactly the routes the
 * server has: every route is an operation of the document, and every operation answers over HTTP.
 */
class OpenApiDocumentTest {

  @TempDir Path dir;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void the_served_document_is_a_valid_openapi_document() throws Exception {
    Answer answer = server.client.get("/api/v1/openapi.yaml");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
    Path copy = Files.writeString(dir.resolve("served.yaml"), answer.body());
    OpenAPIContract contract = ApiServer.await(OpenAPIContract.from(server.vertx, copy.toString()));
    assertThat(contract.getRawContract().getString("openapi")).startsWith("3.1");
    assertThat(contract.operations()).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void every_new_client_gets_the_whole_document() throws Exception {
    String document = server.client.get("/api/v1/openapi.yaml").body();
    // A fresh JDK client asks to upgrade to cleartext HTTP/2; with that upgrade, about one answer in twenty
    // of this size never arrived whole, so fifty in a row all but surely catch it.
    for (int i = 0; i < 50; i++) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> response = client.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/api/v1/openapi.yaml")).build(),
              HttpResponse.BodyHandlers.ofString())
          .get(5, TimeUnit.SECONDS);
      assertThat(response.body()).isEqualTo(document);
    }
  }

  @Test
  void every_route_of_the_router_is_an_operation_of_the_document_and_the_other_way_round() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ApiRouter.Built built;
    try {
      built = ApiServer.await(ApiRouter.create(server.vertx, new Health(server.vertx, Duration.ofSeconds(1)), registry,
          ApiFeatures.of(server.api).withIncidents(server.incidents).withStatus(server.status).withTickets(server.tickets),
          server.access));
    } finally {
      registry.close();
    }

    Set<String> routes = new TreeSet<>();
    for (Route route : built.router().getRoutes()) {
      // The acknowledge and sign-in pages, the web UI and the API docs are HTML for people, not part of the API.
      if (route.getPath() != null && route.methods() != null && !route.getPath().startsWith("/ack/")
          && !org.leitwarte.web.ui.UiPages.ROUTES.contains(route.getPath())
          && !route.getPath().startsWith(ApiDocs.PATH) && !List.of("/login", "/logout", "/account", "/account/password").contains(route.getPath())) {
        route.methods().forEach(method -> routes.add(method.name() + " " + route.getPath().replaceAll(":([A-Za-z_]+)", "{$1}")));
      }
    }
    Set<String> operations = new TreeSet<>();
    documentOperations(server).forEach((path, methods) -> methods.forEach(method -> operations.add(method + " " + path)));

    assertThat(routes).isEqualTo(operations).contains("GET /health", "GET /metrics", "POST /api/v1/silences");
  }

  @Test
  void every_operation_of_the_document_is_answered_by_its_route() throws Exception {
    for (Map.Entry<String, Set<String>> path : documentOperations(server).entrySet()) {
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
      if (path.getKey().equals("/api/v1/status/events")) {
        // An answer that never ends; StatusApiTest reads it as a stream.
        continue;
      }
      for (String method : path.getValue()) {
        Answer answer = server.client.send(method, concrete, method.equals("POST") ? "{}" : null);
        String where = method + " " + concrete + " -> " + answer;
        assertThat(answer.status()).as(where).isNotIn(405, 500, 503);
        if (answer.status() == 404) {
          // A missing object, not a missing route.
          assertThat(answer.error().getString("message")).as(where).doesNotContain("no route");
        }
      }
    }
  }

  /** Path to HTTP methods, as the served document lists them. */
  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> documentOperations(ApiServer server) throws Exception {
    Answer answer = server.client.get("/api/v1/openapi.yaml");
    Object parsed = new Yaml().load(answer.body());
    JsonObject paths = new JsonObject(new JsonObject((Map<String, Object>) parsed).encode()).getJsonObject("paths");
    Map<String, Set<String>> operations = new TreeMap<>();
    for (String path : paths.fieldNames()) {
      Set<String> methods = new TreeSet<>();
      for (String key : paths.getJsonObject(path).fieldNames()) {
        if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(key)) {
          methods.add(HttpMethod.valueOf(key.toUpperCase(Locale.ROOT)).name());
        }
      }
      operations.put(path, methods);
    }
    return operations;
  }
}
