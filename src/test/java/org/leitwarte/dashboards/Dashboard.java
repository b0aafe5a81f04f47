package org.leitwarte.dashboards;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Grafana dashboard file of {@code dashboards/}, and the InfluxQL queries in it: of its panels
 * (rows' nested panels included), its template variables and its annotations.
 */
record Dashboard(String file, JsonObject json) {

  /** The repository's dashboards folder (tests run in the project's directory). */
  static final Path FOLDER = Path.of("dashboards");

  /** Where a query sits: a panel's target, a variable, an annotation. */
  enum Kind {
    PANEL,
    VARIABLE,
    ANNOTATION
  }

  /**
   * An InfluxQL query as it stands in the file.
   *
   * @param location how a person finds it: {@code panel "CPU" (A)}, {@code variable "device"}
   * @param name the variable's name for {@link Kind#VARIABLE}, else the panel's or annotation's title
   */
  record Query(Dashboard dashboard, Kind kind, String name, String location, String text) {

    /** {@code dashboards/device.json "Leitwarte – Gerät", panel "CPU" (A)}. */
    String where() {
      return "dashboards/" + dashboard.file() + " \"" + dashboard.title() + "\", " + location;
    }
  }

  /** Every {@code *.json} of the folder, by file name. */
  static List<Dashboard> all(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().map(Dashboard::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** @throws IllegalArgumentException naming the file when it is not a JSON object */
  static Dashboard read(Path file) {
    try {
      return new Dashboard(file.getFileName().toString(), new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String title() {
    return json.getString("title", "(no title)");
  }

  String uid() {
    return json.getString("uid");
  }

  /** Panels in order; a row's nested panels (a collapsed row keeps them there) follow the row. */
  List<JsonObject> panels() {
    List<JsonObject> panels = new ArrayList<>();
    collect(json.getJsonArray("panels", new JsonArray()), panels);
    return panels;
  }

  private static void collect(JsonArray array, List<JsonObject> into) {
    for (Object element : array) {
      JsonObject panel = (JsonObject) element;
      into.add(panel);
      collect(panel.getJsonArray("panels", new JsonArray()), into);
    }
  }

  static boolean isRow(JsonObject panel) {
    return "row".equals(panel.getString("type"));
  }

  List<JsonObject> variables() {
    return objects(json.getJsonObject("templating", new JsonObject()).getJsonArray("list", new JsonArray()));
  }

  List<JsonObject> annotations() {
    return objects(json.getJsonObject("annotations", new JsonObject()).getJsonArray("list", new JsonArray()));
  }

  /** The variables' queries (in their order: a variable may use those before it), then panels', then annotations'. */
  List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonObject variable : variables()) {
      if ("query".equals(variable.getString("type"))) {
        String name = variable.getString("name");
        queries.add(new Query(this, Kind.VARIABLE, name, "variable \"" + name + "\"", variableQuery(variable)));
      }
    }
    for (JsonObject panel : panels()) {
      String title = panel.getString("title", "(no title)");
      for (JsonObject target : objects(panel.getJsonArray("targets", new JsonArray()))) {
        queries.add(new Query(this, Kind.PANEL, title,
            "panel \"" + title + "\" (" + target.getString("refId", "?") + ")", target.getString("query", "")));
      }
    }
    for (JsonObject annotation : annotations()) {
      String name = annotation.getString("name", "(no name)");
      JsonObject target = annotation.getJsonObject("target", new JsonObject());
      String text = annotation.getString("query", target.getString("query", ""));
      queries.add(new Query(this, Kind.ANNOTATION, name, "annotation \"" + name + "\"", text));
    }
    return queries;
  }

  /** A variable's query is a string, or (Grafana 10 and later) an object with a {@code query}. */
  static String variableQuery(JsonObject variable) {
    Object query = variable.getValue("query");
    if (query instanceof JsonObject object) {
      return object.getString("query", "");
    }
    return query == null ? "" : query.toString();
  }

  static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> objects = new ArrayList<>();
    for (Object element : array) {
      if (element instanceof JsonObject object) {
        objects.add(object);
      }
    }
    return objects;
  }
}
