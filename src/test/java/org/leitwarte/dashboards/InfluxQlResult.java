package org.leitwarte.dashboards;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of InfluxDB's {@code /query} to one statement, as Grafana's data source reads it: an
 * error, or series of columns and rows.
 *
 * @param error InfluxDB's message when the statement failed
 * @param values every value of every row of every series, {@code time} left out ({@code null} for a gap)
 * @param tagValues the {@code value} column of a {@code SHOW TAG VALUES} answer, in order, without repeats
 */
record InfluxQlResult(Optional<String> error, List<Object> values, List<String> tagValues) {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Whether there is something to draw: at least one value that is not null. */
  boolean hasData() {
    return values.stream().anyMatch(value -> value != null);
  }

  /** Runs one statement as Grafana does (GET {@code /query} with {@code db} and {@code q}). */
  static InfluxQlResult run(URI influx, String database, String statement) {
    URI uri = influx.resolve("/query?db=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&epoch=ms&q="
        + URLEncoder.encode(statement, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("InfluxDB at " + influx + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    JsonObject body = response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
    if (body.containsKey("error")) {
      return new InfluxQlResult(Optional.of(body.getString("error")), List.of(), List.of());
    }
    if (response.statusCode() != 200) {
      return new InfluxQlResult(Optional.of("HTTP " + response.statusCode() + " " + response.body()), List.of(), List.of());
    }
    JsonObject result = body.getJsonArray("results", new JsonArray()).getJsonObject(0);
    if (result.containsKey("error")) {
      return new InfluxQlResult(Optional.of(result.getString("error")), List.of(), List.of());
    }
    List<Object> values = new ArrayList<>();
    Set<String> tagValues = new LinkedHashSet<>();
    for (Object seriesObject : result.getJsonArray("series", new JsonArray())) {
      JsonObject series = (JsonObject) seriesObject;
      JsonArray columns = series.getJsonArray("columns");
      for (Object rowObject : series.getJsonArray("values", new JsonArray())) {
        JsonArray row = (JsonArray) rowObject;
        for (int i = 0; i < columns.size(); i++) {
          if (!"time".equals(columns.getString(i))) {
            values.add(row.getValue(i));
          }
          if ("value".equals(columns.getString(i)) && columns.contains("key")) {
            tagValues.add(String.valueOf(row.getValue(i)));
          }
        }
      }
    }
    return new InfluxQlResult(Optional.empty(), values, List.copyOf(tagValues));
  }
}
