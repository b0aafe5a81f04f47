package org.leitwarte.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.Schema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The dashboards of {@code dashboards/} are what Grafana can load and what the provisioning in {@code
 * docker/grafana/} expects: valid JSON, a stable uid each, every panel with a data source and a raw
 * InfluxQL query, every variable a query uses defined (before it, for chained variables), no
 * numeric data source id, every query fitting {@code schema.yaml}. Whether the queries return data
 * is {@link DashboardQueriesTest}'s.
 */
class DashboardFilesTest {

  static final String DATASOURCE_UID = "leitwarte-influxdb";
  /** Dashboards and the uids other parts link to (Leitwarte's device page links to leitwarte-device). */
  static final Set<String> UIDS = Set.of("leitwarte-overview", "leitwarte-tenant", "leitwarte-device", "leitwarte-interfaces",
      "leitwarte-self");

  private final List<Dashboard> dashboards = Dashboard.all(Dashboard.FOLDER);

  @Test
  void every_dashboard_is_there_once_with_its_stable_uid_and_a_german_title() {
    Map<String, String> files = new HashMap<>();
    for (Dashboard dashboard : dashboards) {
      assertThat(dashboard.uid()).as("uid of %s", dashboard.file()).isNotBlank();
      assertThat(files.put(dashboard.uid(), dashboard.file()))
          .as("uid %s of %s is also the uid of", dashboard.uid(), dashboard.file()).isNull();
      assertThat(dashboard.title()).as("title of %s", dashboard.file()).startsWith("Leitwarte – ");
      assertThat(dashboard.json().getString("description")).as("description of %s", dashboard.file()).isNotBlank();
      assertThat(dashboard.json().getInteger("schemaVersion")).as("schemaVersion of %s", dashboard.file()).isBetween(36, 41);
      assertThat(dashboard.json().getValue("id")).as("%s must not carry a database id", dashboard.file()).isNull();
    }
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(UIDS);
  }

  @Test
  void every_panel_has_the_influxdb_data_source_and_raw_influxql_queries() {
    List<String> problems = new ArrayList<>();
    for (Dashboard dashboard : dashboards) {
      for (JsonObject panel : dashboard.panels()) {
        String where = dashboard.file() + " panel \"" + panel.getString("title") + "\"";
        if (Dashboard.isRow(panel)) {
          continue;
        }
        if (!isLeitwarteInflux(panel.getValue("datasource"))) {
          problems.add(where + ": datasource " + panel.getValue("datasource"));
        }
        if (panel.getString("description", "").isBlank()) {
          problems.add(where + ": no description");
        }
        List<JsonObject> targets = Dashboard.objects(panel.getJsonArray("targets", new JsonArray()));
        if (targets.isEmpty()) {
          problems.add(where + ": no query");
        }
        for (JsonObject target : targets) {
          if (!Boolean.TRUE.equals(target.getBoolean("rawQuery")) || target.getString("query", "").isBlank()) {
            problems.add(where + " (" + target.getString("refId") + "): not a raw InfluxQL query");
          }
          if (target.containsKey("datasource") && !isLeitwarteInflux(target.getValue("datasource"))) {
            problems.add(where + " (" + target.getString("refId") + "): datasource " + target.getValue("datasource"));
          }
        }
      }
      for (JsonObject variable : dashboard.variables()) {
        if ("query".equals(variable.getString("type")) && !isLeitwarteInflux(variable.getValue("datasource"))) {
          problems.add(dashboard.file() + " variable " + variable.getString("name") + ": datasource " + variable.getValue("datasource"));
        }
      }
      for (JsonObject annotation : dashboard.annotations()) {
        if (!isLeitwarteInflux(annotation.getValue("datasource"))) {
          problems.add(dashboard.file() + " annotation " + annotation.getString("name") + ": datasource " + annotation.getValue("datasource"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void no_data_source_is_referenced_by_a_numeric_id() {
    for (Dashboard dashboard : dashboards) {
      List<String> found = new ArrayList<>();
      numericDatasourceIds(dashboard.json(), "$", found);
      assertThat(found).as(dashboard.file()).isEmpty();
    }
  }

  @Test
  void every_variable_a_query_uses_is_defined_before_it() {
    List<String> problems = new ArrayList<>();
    for (Dashboard dashboard : dashboards) {
      Set<String> defined = new LinkedHashSet<>();
      List<String> variables = dashboard.variables().stream().map(v -> v.getString("name")).toList();
      for (Dashboard.Query query : dashboard.queries()) {
        Set<String> known = query.kind() == Dashboard.Kind.VARIABLE ? defined : Set.copyOf(variables);
        for (String used : GrafanaMacros.variablesIn(query.text())) {
          if (!known.contains(used)) {
            problems.add(query.where() + ": $" + used + " is not defined" + (variables.contains(used) ? " before it" : ""));
          }
        }
        if (query.kind() == Dashboard.Kind.VARIABLE) {
          defined.add(query.name());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void the_municipality_and_the_device_come_from_show_tag_values_chained_by_tenant() {
    Dashboard device = dashboards.stream().filter(d -> "leitwarte-device".equals(d.uid())).findFirst().orElseThrow();
    Map<String, String> queries = new HashMap<>();
    device.variables().forEach(variable -> queries.put(variable.getString("name"), Dashboard.variableQuery(variable)));
    assertThat(queries.get("tenant")).startsWith("SHOW TAG VALUES").contains("WITH KEY = \"tenant\"");
    assertThat(queries.get("device")).startsWith("SHOW TAG VALUES").contains("WITH KEY = \"device\"", "\"tenant\" =~ /^$tenant$/");
  }

  @Test
  void every_query_fits_the_schema() {
    QuerySchemaCheck check = new QuerySchemaCheck(Schema.standard());
    List<String> problems = new ArrayList<>();
    int queries = 0;
    for (Dashboard dashboard : dashboards) {
      for (Dashboard.Query query : dashboard.queries()) {
        queries++;
        check.problems(query.text()).forEach(problem -> problems.add(query.where() + ": " + problem + "\n    query: " + query.text()));
      }
    }
    assertThat(problems).as("%d queries checked", queries).isEmpty();
    assertThat(queries).isGreaterThan(50);
  }

  @Test
  void the_schema_check_names_a_missing_field_a_string_under_mean_and_a_field_grouped_by() {
    QuerySchemaCheck check = new QuerySchemaCheck(Schema.standard());
    assertThat(check.problems("SELECT mean(\"loss_pct\") FROM \"icmp\" WHERE $timeFilter GROUP BY time($__interval), \"device\"")).isEmpty();
    assertThat(check.problems("SELECT mean(\"loss_percent\") FROM \"icmp\" WHERE $timeFilter"))
        .containsExactly("'loss_percent' is neither a field nor a tag of measurement 'icmp' in schema.yaml");
    assertThat(check.problems("SELECT mean(\"loss_pct\") FROM \"ping\" WHERE $timeFilter"))
        .containsExactly("measurement 'ping' is not in schema.yaml");
    assertThat(check.problems("SELECT mean(\"status\") FROM \"snmp\" WHERE $timeFilter"))
        .containsExactly("mean() over 'status', a string field: it needs a number");
    assertThat(check.problems("SELECT last(\"status\") FROM \"snmp\" WHERE $timeFilter GROUP BY \"reachable\""))
        .containsExactly("GROUP BY \"reachable\": not a tag of measurement 'snmp' in schema.yaml");
    assertThat(check.problems("SELECT mean(loss_pct) FROM \"icmp\" WHERE $timeFilter"))
        .containsExactly("mean(loss_pct): quote the name (\"loss_pct\") so that it can be checked");
  }

  @Test
  void grafana_macros_and_variables_are_substituted_as_grafana_sends_them() {
    String query = "SELECT mean(\"in_bps\") FROM \"interface\" WHERE \"device\" =~ /^$device$/ AND \"if_name\" =~ /^${interface}$/"
        + " AND $timeFilter GROUP BY time($__interval)";
    assertThat(GrafanaMacros.expand(query, Map.of("device", "wr-router", "interface", "Fa3/0/1")))
        .isEqualTo("SELECT mean(\"in_bps\") FROM \"interface\" WHERE \"device\" =~ /^wr-router$/ AND \"if_name\" =~ /^Fa3\\/0\\/1$/"
            + " AND time > now() - 1h GROUP BY time(10s)");
    assertThat(GrafanaMacros.variablesIn(query)).containsExactly("device", "interface");
  }

  @Test
  void the_provisioned_data_source_has_the_uid_the_dashboards_preselect() throws Exception {
    Map<String, Object> provisioning = yaml(Path.of("docker/grafana/provisioning/datasources/leitwarte.yaml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> source = ((List<Map<String, Object>>) provisioning.get("datasources")).get(0);
    assertThat(source).containsEntry("uid", DATASOURCE_UID).containsEntry("type", "influxdb")
        .containsEntry("url", "http://influxdb:8086").containsEntry("user", "$INFLUXDB_READ_USER");
    assertThat(source.get("jsonData").toString()).contains("dbName=leitwarte", "httpMode=GET");
    assertThat(source.get("secureJsonData").toString()).contains("password=$INFLUXDB_READ_USER_PASSWORD");
    for (Dashboard dashboard : dashboards) {
      JsonObject datasource = dashboard.variables().stream().filter(v -> "datasource".equals(v.getString("type"))).findFirst()
          .orElseThrow(() -> new AssertionError(dashboard.file() + " has no datasource variable"));
      assertThat(datasource.getJsonObject("current").getString("value")).as(dashboard.file()).isEqualTo(DATASOURCE_UID);
    }
    Map<String, Object> provider = yaml(Path.of("docker/grafana/provisioning/dashboards/leitwarte.yaml"));
    assertThat(provider.get("providers").toString()).contains("path=/var/lib/grafana/dashboards", "type=file");
  }

  private static Map<String, Object> yaml(Path file) throws Exception {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }

  /** A panel's, target's, variable's or annotation's datasource: the variable, or the provisioned uid. */
  private static boolean isLeitwarteInflux(Object datasource) {
    if (!(datasource instanceof JsonObject object)) {
      return false;
    }
    String uid = object.getString("uid", "");
    return "influxdb".equals(object.getString("type")) && (uid.equals("${datasource}") || uid.equals(DATASOURCE_UID));
  }

  private static void numericDatasourceIds(Object node, String path, List<String> found) {
    if (node instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        String key = entry.getKey();
        Object value = entry.getValue();
        if ((key.equals("datasource") || key.equals("datasourceId")) && (value instanceof Number
            || value instanceof String text && text.matches("\\d+")
            || value instanceof JsonObject ds && ds.getValue("id") != null)) {
          found.add(path + "." + key + " = " + value);
        }
        numericDatasourceIds(value, path + "." + key, found);
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        numericDatasourceIds(array.getValue(i), path + "[" + i + "]", found);
      }
    }
  }
}
