package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/**
 * The API's answers to good and bad requests, over real HTTP against the server on an H2 store: what is
 * refused is refused with the right status and a message naming the field, and leaves nothing behind.
 */
class ApiRequestsTest {

  @TempDir Path dir;
  private ApiServer server;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir, Dialect.H2);
    api = server.client;
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static JsonObject silence() {
    return new JsonObject()
        .put("matchers", new JsonArray().add(matcher("device", "=", "wr-router")))
        .put("duration", "2h")
        .put("author", "jana")
        .put("comment", "Router wird getauscht, CHG-4711");
  }

  static JsonObject matcher(String name, String op, String value) {
    return new JsonObject().put("name", name).put("op", op).put("value", value);
  }

  @Test
  void a_silence_is_created_listed_shown_and_expired_twice_with_one_audit_row_each() throws Exception {
    Answer created = api.post("/api/v1/silences", silence());

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject silence = created.json();
    long id = silence.getLong("id");
    assertThat(created.location()).contains("/api/v1/silences/" + id);
    assertThat(created.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(silence.getJsonArray("matchers")).isEqualTo(new JsonArray().add(matcher("device", "=", "wr-router")));
    assertThat(silence.getString("state")).isEqualTo("active");
    assertThat(silence.getString("author")).isEqualTo("jana");
    assertThat(silence.getValue("expired_at")).isNull();
    assertThat(Instant.parse(silence.getString("ends_at")))
        .isCloseTo(Instant.parse(silence.getString("starts_at")).plus(2, ChronoUnit.HOURS), within(1, ChronoUnit.SECONDS));
    assertThat(server.refreshes).hasValue(1);

    assertThat(api.get("/api/v1/silences").array("silences")).singleElement()
        .satisfies(listed -> assertThat(((JsonObject) listed).getLong("id")).isEqualTo(id));
    assertThat(api.get("/api/v1/silences/" + id).json()).isEqualTo(silence);

    JsonObject by = new JsonObject().put("author", "kai");
    Answer expired = api.post("/api/v1/silences/" + id + "/expire", by);
    assertThat(expired.status()).as(expired.body()).isEqualTo(200);
    assertThat(expired.json().getString("state")).isEqualTo("expired");
    assertThat(expired.json().getString("expired_at")).isNotNull();
    Answer again = api.post("/api/v1/silences/" + id + "/expire", by);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("expired_at")).isEqualTo(expired.json().getString("expired_at"));

    assertThat(api.get("/api/v1/silences").array("silences")).isEmpty();
    assertThat(api.get("/api/v1/silences?state=all").array("silences")).hasSize(1);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'silence.create' AND actor = 'jana'"
        + " AND subject = 'silence:" + id + "' AND address = '127.0.0.1'")).isEqualTo(1);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'silence.expire' AND actor = 'kai'"
        + " AND address = '127.0.0.1'")).isEqualTo(1);
  }

  @Test
  void a_maintenance_window_is_created_shown_and_expired() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
    JsonObject body = new JsonObject()
        .put("scope", new JsonArray().add(matcher("tenant", "=", "wernigerode")).add(matcher("role", "=~", "router|firewall")))
        .put("schedule", new JsonObject().put("start", start.toString()).put("end", start.plus(2, ChronoUnit.HOURS).toString()))
        .put("author", "jana")
        .put("comment", "Firmware-Update der Router");

    Answer created = api.post("/api/v1/maintenance-windows", body);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject window = created.json();
    long id = window.getLong("id");
    assertThat(created.location()).contains("/api/v1/maintenance-windows/" + id);
    assertThat(window.getBoolean("active")).isFalse();
    assertThat(window.getString("next_start")).isEqualTo(start.toString());
    assertThat(window.getJsonObject("schedule")).isEqualTo(body.getJsonObject("schedule"));
    assertThat(api.get("/api/v1/maintenance-windows/" + id).json()).isEqualTo(window);
    assertThat(api.get("/api/v1/maintenance-windows").array("maintenance_windows")).hasSize(1);

    Answer expired = api.post("/api/v1/maintenance-windows/" + id + "/expire", new JsonObject().put("author", "kai"));
    assertThat(expired.status()).as(expired.body()).isEqualTo(200);
    assertThat(expired.json().getString("expired_at")).isNotNull();
    assertThat(expired.json().getValue("next_start")).isNull();
    assertThat(api.post("/api/v1/maintenance-windows/" + id + "/expire", new JsonObject().put("author", "kai")).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/maintenance-windows").array("maintenance_windows")).isEmpty();
    assertThat(api.get("/api/v1/maintenance-windows?state=all").array("maintenance_windows")).hasSize(1);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'maintenance.%' AND address = '127.0.0.1'")).isEqualTo(2);
    assertThat(server.refreshes).hasValue(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing comment        | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "duration": "1h", "author": "a"}                          | comment             | missing
      blank author           | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "duration": "1h", "author": " ", "comment": "c"}          | author              | must not be blank
      empty author           | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "duration": "1h", "author": "", "comment": "c"}           | author              | must not be empty
      unknown field          | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "duration": "1h", "author": "a", "comment": "c", "ends_on": 1} | ends_on          | unknown field (did you mean ends_at?); known: matchers, starts_at, ends_at, duration, author, comment
      unknown op             | {"matchers": [{"name": "device", "op": "~", "value": "x"}], "duration": "1h", "author": "a", "comment": "c"}          | matchers[0].op      | must be one of "=", "!=", "=~", "!~"
      unknown matcher field  | {"matchers": [{"name": "device", "op": "=", "value": "x", "label": "y"}], "duration": "1h", "author": "a", "comment": "c"} | matchers[0].label | unknown field; known: name, op, value
      no matchers            | {"matchers": [], "duration": "1h", "author": "a", "comment": "c"}                                                     | matchers            | needs at least 1 entry
      matchers not a list    | {"matchers": {"device": "x"}, "duration": "1h", "author": "a", "comment": "c"}                                        | matchers            | must be an array, got an object
      matching everything    | {"matchers": [{"name": "device", "op": "=~", "value": ".*"}], "duration": "1h", "author": "a", "comment": "c"}        | matchers            | would match every alert
      broken regex           | {"matchers": [{"name": "device", "op": "=~", "value": "wr-("}], "duration": "1h", "author": "a", "comment": "c"}      | matchers[0].value   | not a regular expression
      ends before it starts  | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "starts_at": "2099-01-02T00:00:00Z", "ends_at": "2099-01-01T00:00:00Z", "author": "a", "comment": "c"} | ends_at | must be after starts_at
      ends in the past       | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "ends_at": "2020-01-01T00:00:00Z", "author": "a", "comment": "c"} | ends_at | in the past
      no end                 | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "author": "a", "comment": "c"}                            | ends_at             | give ends_at or duration
      end twice              | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "ends_at": "2099-01-01T00:00:00Z", "duration": "1h", "author": "a", "comment": "c"} | duration | not both
      not a date-time        | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "ends_at": "tomorrow", "author": "a", "comment": "c"}     | ends_at             | must be a date-time with offset
      not a duration         | {"matchers": [{"name": "device", "op": "=", "value": "x"}], "duration": "2 hours", "author": "a", "comment": "c"}     | duration            | 2 hours
      not an object          | [1, 2]                                                                                                                  | ''                  | the request body must be an object, got an array
      """)
  void a_refused_silence_names_the_field_and_leaves_no_row(String what, String body, String field, String message) throws Exception {
    Answer answer = api.post("/api/v1/silences", body, "application/json");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.error().getString("code")).isEqualTo("invalid_request");
    assertThat(answer.error().getString("message")).startsWith(field.isEmpty() ? "" : field + ": ").contains(message);
    if (!field.isEmpty()) {
      assertThat(answer.error().getString("field")).isEqualTo(field);
    }
    assertThat(server.count("SELECT COUNT(*) FROM silence")).isZero();
    assertThat(server.count("SELECT COUNT(*) FROM audit_log")).isZero();
    assertThat(server.refreshes).hasValue(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      schedule end before start | {"scope": [{"name": "device", "op": "=", "value": "x"}], "schedule": {"start": "2099-01-02T00:00:00Z", "end": "2099-01-01T00:00:00Z"}, "author": "a", "comment": "c"} | schedule.end | must be after start
      unknown schedule field    | {"scope": [{"name": "device", "op": "=", "value": "x"}], "schedule": {"weekdays": ["tuesday"], "timez": [], "time_zone": "UTC"}, "author": "a", "comment": "c"} | schedule.timez | unknown field
      unknown weekday           | {"scope": [{"name": "device", "op": "=", "value": "x"}], "schedule": {"weekdays": ["tuesdy"]}, "author": "a", "comment": "c"} | schedule.weekdays[0] | did you mean tuesday?
      schedule over             | {"scope": [{"name": "device", "op": "=", "value": "x"}], "schedule": {"start": "2020-01-01T00:00:00Z", "end": "2020-01-02T00:00:00Z"}, "author": "a", "comment": "c"} | schedule | in the past
      missing comment           | {"scope": [{"name": "device", "op": "=", "value": "x"}], "schedule": {"weekdays": ["tuesday"]}, "author": "a"} | comment | missing
      scope matching everything | {"scope": [{"name": "device", "op": "!=", "value": "x"}], "schedule": {"weekdays": ["tuesday"]}, "author": "a", "comment": "c"} | scope | would match every alert
      """)
  void a_refused_maintenance_window_names_the_field_and_leaves_no_row(String what, String body, String field, String message)
      throws Exception {
    Answer answer = api.post("/api/v1/maintenance-windows", body, "application/json");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().getString("field")).isEqualTo(field);
    assertThat(answer.error().getString("message")).startsWith(field + ": ").contains(message);
    assertThat(server.count("SELECT COUNT(*) FROM maintenance_window")).isZero();
    assertThat(server.count("SELECT COUNT(*) FROM audit_log")).isZero();
  }

  @Test
  void malformed_json_is_refused_as_such() throws Exception {
    Answer answer = api.post("/api/v1/silences", "{\"matchers\": [", "application/json");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getString("code")).isEqualTo("malformed_json");
    assertThat(answer.error().getString("message")).contains("not valid JSON");
    assertThat(server.count("SELECT COUNT(*) FROM silence")).isZero();
  }

  @Test
  void a_missing_body_is_refused() {
    Answer answer = api.post("/api/v1/silences", "", "application/json");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getString("message")).contains("needs a JSON body");
  }

  @Test
  void a_body_that_is_not_json_is_refused_as_unsupported() throws Exception {
    Answer text = api.post("/api/v1/silences", silence().encode(), "text/plain");
    Answer none = api.post("/api/v1/silences", silence().encode(), null);

    for (Answer answer : new Answer[] {text, none}) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(415);
      assertThat(answer.error().getString("code")).isEqualTo("unsupported_media_type");
      assertThat(answer.error().getString("message")).contains("application/json");
    }
    assertThat(server.count("SELECT COUNT(*) FROM silence")).isZero();
  }

  @Test
  void an_oversized_body_is_refused_before_it_is_read() throws Exception {
    JsonObject huge = silence().put("comment", "x".repeat(ApiRouter.MAX_BODY_BYTES));

    Answer answer = api.post("/api/v1/silences", huge);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.error().getString("code")).isEqualTo("payload_too_large");
    assertThat(answer.error().getString("message")).contains("65536 bytes");
    assertThat(server.count("SELECT COUNT(*) FROM silence")).isZero();
    // The server stays up for the next request.
    assertThat(api.get("/api/v1/silences").status()).isEqualTo(200);
  }

  @Test
  void unknown_routes_and_objects_answer_404_in_the_error_shape() {
    Answer route = api.get("/api/v1/nothing-here");
    Answer silence = api.get("/api/v1/silences/4711");
    Answer window = api.post("/api/v1/maintenance-windows/4711/expire", new JsonObject().put("author", "kai"));
    Answer alert = api.get("/api/v1/alerts/0123456789abcdef");
    Answer history = api.get("/api/v1/alerts/0123456789abcdef/history");

    for (Answer answer : new Answer[] {route, silence, window, alert, history}) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(answer.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(answer.error().getString("code")).isEqualTo("not_found");
    }
    assertThat(route.error().getString("message")).contains("no route GET /api/v1/nothing-here");
    assertThat(silence.error().getString("message")).isEqualTo("silence 4711 not found");
    assertThat(window.error().getString("message")).isEqualTo("maintenance window 4711 not found");
    assertThat(alert.error().getString("message")).isEqualTo("alert 0123456789abcdef not found");
  }

  @Test
  void a_wrong_method_answers_405_naming_the_allowed_ones() {
    Answer delete = api.send("DELETE", "/api/v1/silences/1", null);
    Answer put = api.send("PUT", "/api/v1/alerts", "{}");

    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.error().getString("code")).isEqualTo("method_not_allowed");
    assertThat(delete.error().getString("message")).contains("DELETE is not allowed on /api/v1/silences/1; allowed: GET");
    assertThat(delete.allow()).contains("GET");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.allow()).contains("GET");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      /api/v1/alerts?state=burning                | state  | must be one of "pending", "firing", "resolved"
      /api/v1/alerts?limit=0                      | limit  | must be at least 1
      /api/v1/alerts?limit=many                   | limit  | must be an integer
      /api/v1/alerts?lang=fr                      | lang   | must be one of "de", "en"
      /api/v1/silences?state=sleeping             | state  | must be one of "active", "all"
      /api/v1/silences/seven                      | id     | must be an integer
      /api/v1/devices/wr-router/alerts/history?limit=10001 | limit | must be at most 10000
      """)
  void bad_parameters_are_refused_naming_the_parameter(String path, String field, String message) {
    Answer answer = api.get(path);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error().getString("field")).isEqualTo(field);
    assertThat(answer.error().getString("message")).startsWith(field + ": " + message);
  }

  @Test
  void health_and_metrics_are_served_as_before() {
    Answer health = api.get("/health");
    Answer metrics = api.get("/metrics");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }
}
