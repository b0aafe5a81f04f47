package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.maintenance.Schedule;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.store.Dialect;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;
import org.yaml.snakeyaml.Yaml;

/**
 * Walks every operation of the OpenAPI document as a user of tenant A (wernigerode) with the ids of tenant
 * B's (ilsenburg's) objects: nothing of B may be revealed or changed. Each operation must answer 404
 * (or exactly what a missing object gets), 403 (the role may not) or 400 (refused input), never a success
 * about B's object; list operations answer, but without anything of B. An operation the test has no fixture for
 * fails the test by name, so that a new route cannot slip past.
 */
class TenantIsolationTest {

  static final String A = "wernigerode";
  static final String B = "ilsenburg";
  /** The tenant user of A who walks the API. */
  static final String A_USER = "wr-it";

  @TempDir Path dir;

  /**
   * Tenant B's objects, by the path template up to the parameter that names them. Add a line here for a
   * new route with a path parameter, e.g. {@code "/api/v1/tickets/{id}" -> id of a ticket of B}.
   */
  private final Map<String, String> objectsOfB = new TreeMap<>();

  /**
   * Request bodies, by operationId, for operations that change something: aimed at tenant B where the
   * body can name a tenant. Operations on an object of B get {@code {}} unless named here.
   */
  private static final Map<String, JsonObject> BODIES = Map.of(
      "createSilence", new JsonObject().put("matchers", new JsonArray().add(matcher("tenant", B)).add(matcher("device", "il-printer")))
          .put("duration", "1h").put("comment", "fremder Mandant"),
      "createMaintenanceWindow", new JsonObject().put("scope", new JsonArray().add(matcher("tenant", B)))
          .put("schedule", new JsonObject().put("start", "2099-01-01T00:00:00Z").put("end", "2099-01-02T00:00:00Z"))
          .put("comment", "fremder Mandant"),
      "createOnCallOverride", new JsonObject().put("schedule", "netz-rufbereitschaft").put("person", "akoch")
          .put("start", "2026-03-25T12:00").put("end", "2026-03-25T18:00"),
      "openTicket", new JsonObject().put("title", "fremder Mandant").put("description", "Ticket für " + B).put("tenant", B),
      "addIncidentNote", new JsonObject().put("text", "gelesen"),
      "reassignIncident", new JsonObject().put("to", "akoch"),
      "runDiscovery", new JsonObject().put("tenant", B).put("ranges", new JsonArray().add("127.0.0.3/32")));

  private static JsonObject matcher(String name, String value) {
    return new JsonObject().put("name", name).put("op", "=").put("value", value);
  }

  /** One operation of the document. */
  record Operation(String id, String method, String path, boolean open, Set<String> queryParameters) {}

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_tenant_user_reaches_nothing_of_another_tenant_through_any_operation(Dialect dialect) throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve(dialect.name()), dialect)) {
      Objects a = objects(server, A, "wr-router");
      Objects b = objects(server, B, "il-printer");
      objectsOfB.put("/api/v1/alerts/{id}", b.alert());
      objectsOfB.put("/api/v1/devices/{device}", "il-printer");
      objectsOfB.put("/api/v1/devices/{id}", "il-printer");
      objectsOfB.put("/api/v1/tenants/{id}", B);
      objectsOfB.put("/api/v1/tickets/{id}", String.valueOf(b.ticket()));
      objectsOfB.put("/api/v1/silences/{id}", String.valueOf(b.silence()));
      objectsOfB.put("/api/v1/maintenance-windows/{id}", String.valueOf(b.window()));
      objectsOfB.put("/api/v1/incidents/{id}", String.valueOf(b.incident()));
      objectsOfB.put("/api/v1/oncall/schedules/{id}", "netz-rufbereitschaft");
      objectsOfB.put("/api/v1/oncall/overrides/{id}", String.valueOf(b.override()));
      String tokenA = server.token(A_USER, Role.TENANT, Optional.of(A));
      ApiClient tenantA = server.client.as(tokenA);

      List<String> problems = new ArrayList<>();
      for (Operation operation : operations()) {
        if (operation.path().endsWith("/events") && !operation.path().contains("{")) {
          // A stream never ends: its first event must show A's objects and nothing of B.
          String event = firstEvent(server.port, operation.path(), tokenA);
          if (!event.contains(A) || event.toLowerCase(Locale.ROOT).contains(B)) {
            problems.add(operation.id() + ": first event " + event + " should show " + A + " only");
          }
        } else if (!operation.open()) {
          walk(tenantA, operation, problems);
        }
      }
      assertThat(problems).as("operations that revealed or changed tenant %s's objects, or lack a fixture", B).isEmpty();

      // Nothing of B changed, and A does see its own: the walk proved something.
      assertThat(server.desk.incident(b.incident()).state()).isEqualTo(IncidentState.TRIGGERED);
      assertThat(server.client.get("/api/v1/silences/" + b.silence()).json().getString("state")).isEqualTo("active");
      assertThat(server.client.get("/api/v1/maintenance-windows/" + b.window()).json().getValue("expired_at")).isNull();
      assertThat(server.count("SELECT COUNT(*) FROM silence")).isEqualTo(2);
      assertThat(server.count("SELECT COUNT(*) FROM maintenance_window")).isEqualTo(2);
      assertThat(tenantA.get("/api/v1/incidents/" + a.incident()).status()).isEqualTo(200);
      assertThat(tenantA.get("/api/v1/alerts/" + a.alert()).status()).isEqualTo(200);
      assertThat(tenantA.get("/api/v1/silences").body()).contains(A);
      assertThat(tenantA.get("/api/v1/devices/wr-router/events").body()).contains("wr-router", A);
    }
  }

  private void walk(ApiClient client, Operation operation, List<String> problems) {
    String name = operation.id() + " (" + operation.method() + " " + operation.path() + ")";
    Optional<String> concrete = concretePath(operation.path());
    if (concrete.isEmpty()) {
      problems.add("new route " + name + ": add a fixture (an object of tenant B for its path parameter) to objectsOfB");
      return;
    }
    boolean onObject = operation.path().contains("{");
    boolean changes = !operation.method().equals("GET");
    JsonObject body = BODIES.get(operation.id());
    if (changes && !onObject && body == null) {
      problems.add("new route " + name + ": add a fixture (a body aimed at tenant B) to BODIES");
      return;
    }
    List<String> paths = new ArrayList<>(List.of(concrete.get()));
    if (operation.queryParameters().contains("tenant")) {
      paths.add(concrete.get() + "?tenant=" + B);
    }
    if (operation.queryParameters().contains("device")) {
      paths.add(concrete.get() + "?device=il-printer");
    }
    for (String path : paths) {
      Answer answer = client.send(operation.method(), path, changes ? (body == null ? new JsonObject() : body).encode() : null);
      String where = name + " as " + path + " -> " + answer;
      if (changes) {
        if (!Set.of(400, 403, 404).contains(answer.status())) {
          problems.add(where + ": expected 404 (or 403, 400)");
        }
      } else if (onObject) {
        // Exactly as for an object that does not exist: a 404, or the same empty answer (a device's history).
        if (!Set.of(403, 404).contains(answer.status()) && !sameAsMissing(client, operation, answer)) {
          problems.add(where + ": expected 404 (or 403), or what a missing object gets");
        }
      } else if (answer.status() >= 500) {
        problems.add(where + ": failed");
      }
      if (answer.status() < 300 && answer.body().toLowerCase(Locale.ROOT).contains(B)) {
        problems.add(where + ": shows tenant " + B);
      }
    }
  }

  /** Whether the operation answers for a missing object exactly as it did for B's. */
  private boolean sameAsMissing(ApiClient client, Operation operation, Answer answer) {
    String template = operation.path();
    Matcher parameter = Pattern.compile("\\{[^}]+}").matcher(template);
    parameter.find();
    String missing = objectsOfB.get(template.substring(0, parameter.end())).matches("\\d+") ? "999999" : "no-such-object";
    Answer forMissing = client.get(template.substring(0, parameter.start()) + missing + template.substring(parameter.end()));
    return forMissing.status() == answer.status() && forMissing.body().equals(answer.body());
  }

  /** The path with B's object for its parameter; empty when there is no fixture for it. */
  private Optional<String> concretePath(String template) {
    Matcher parameter = Pattern.compile("\\{[^}]+}").matcher(template);
    if (!parameter.find()) {
      return Optional.of(template);
    }
    String upToParameter = template.substring(0, parameter.end());
    String id = objectsOfB.get(upToParameter);
    if (id == null) {
      return Optional.empty();
    }
    String rest = template.substring(parameter.end());
    if (rest.contains("{")) {
      return Optional.empty();
    }
    return Optional.of(template.substring(0, parameter.start()) + URLEncoder.encode(id, StandardCharsets.UTF_8) + rest);
  }

  /** Ids of one tenant's objects. */
  record Objects(String alert, long silence, long window, long incident, long override, long ticket) {}

  /** The first event of a server-sent event stream (its {@code data:} lines), read within 10 s. */
  private static String firstEvent(int port, String path, String token) throws Exception {
    java.net.http.HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient.newHttpClient().sendAsync(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(),
            java.net.http.HttpResponse.BodyHandlers.ofLines())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    if (response.statusCode() != 200) {
      return "HTTP " + response.statusCode();
    }
    try (java.util.stream.Stream<String> lines = response.body()) {
      return java.util.concurrent.CompletableFuture.supplyAsync(() -> lines
              .dropWhile(line -> !line.startsWith("data:"))
              .takeWhile(line -> !line.isEmpty())
              .collect(java.util.stream.Collectors.joining("\n")))
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static Objects objects(ApiServer server, String tenant, String device) throws Exception {
    Instant now = Instant.now();
    Alert alert = new Alert(tenant + "-alert", "device_down", Severity.CRITICAL, AlertState.FIRING,
        Map.of("tenant", tenant, "device", device, "alertname", "device_down", "severity", "critical"),
        Map.of("de", Map.of("summary", device + " antwortet nicht")), now, now, Optional.empty(), Optional.empty(), false);
    ApiServer.await(server.alerts.record(List.of(new AlertChange(alert, Optional.empty(), Optional.empty(), now))));
    long silence = ApiServer.await(server.silences.create(
        List.of(org.leitwarte.alerting.Matcher.equal("tenant", tenant), org.leitwarte.alerting.Matcher.equal("device", device)),
        now, now.plus(Duration.ofHours(2)), "staff", "Wartung " + tenant));
    long window = ApiServer.await(server.windows.create(List.of(org.leitwarte.alerting.Matcher.equal("tenant", tenant)),
        new Schedule.OneOff(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))), "staff", "Umzug " + tenant));
    Incident incident = server.desk.open(device + " antwortet nicht", "netz", tenant, device, ApiServer.NOW.minus(Duration.ofHours(1)));
    JsonObject override = server.client.post("/api/v1/oncall/overrides", new JsonObject().put("schedule", "netz-rufbereitschaft")
        .put("person", "akoch").put("start", "2026-03-26T08:00").put("end", "2026-03-26T12:00").put("reason", "Vertretung " + tenant)).json();
    long ticket = ApiServer.await(server.tickets.open(new org.leitwarte.user.Principal("staff", Role.STAFF, Optional.empty()),
        new org.leitwarte.ticket.NewTicket(Optional.of(alert.id()), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty())).id();
    ApiServer.await(new org.leitwarte.collect.trap.TrapEventRepository(server.pool).insert(List.of(new org.leitwarte.collect.trap.TrapEvent(
        now, tenant, tenant + "-rathaus", device, true, "192.0.2.1", "2c", "linkDown", "1.3.6.1.6.3.1.1.5.3", Optional.of("1"),
        Optional.of("Gi0/1"), java.util.OptionalLong.of(1), java.util.OptionalLong.of(2), "trap from " + tenant))));
    return new Objects(alert.id(), silence, window, incident.id(), override.getLong("id"), ticket);
  }

  /** Every operation of the document on the class path. */
  @SuppressWarnings("unchecked")
  static List<Operation> operations() throws Exception {
    Map<String, Object> document;
    try (InputStream in = TenantIsolationTest.class.getClassLoader().getResourceAsStream(ApiRouter.DOCUMENT)) {
      document = new Yaml().load(in);
    }
    JsonObject paths = new JsonObject(new JsonObject(document).encode()).getJsonObject("paths");
    List<Operation> operations = new ArrayList<>();
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
          continue;
        }
        JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
        Set<String> query = new java.util.TreeSet<>();
        JsonArray parameters = operation.getJsonArray("parameters", new JsonArray());
        for (Object parameter : parameters) {
          JsonObject declared = (JsonObject) parameter;
          if (declared.containsKey("$ref")) {
            String ref = declared.getString("$ref");
            declared = new JsonObject(new JsonObject(document).encode()).getJsonObject("components").getJsonObject("parameters")
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
          }
          if ("query".equals(declared.getString("in"))) {
            query.add(declared.getString("name"));
          }
        }
        operations.add(new Operation(operation.getString("operationId"), method.toUpperCase(Locale.ROOT), path,
            operation.getBoolean(OperationRoles.PUBLIC, false), query));
      }
    }
    if (operations.size() < 20) {
      fail("only " + operations.size() + " operations read from " + ApiRouter.DOCUMENT);
    }
    return operations;
  }
}
