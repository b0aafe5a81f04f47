package org.leitwarte.dashboards;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.collect.Schema;

/**
 * Runs every InfluxQL query of dashboards against a real InfluxDB, as Grafana would run them: each
 * query variable first (with the values of the variables before it, so a chained variable is
 * checked), then every panel's and annotation's query with the macros and the variables' values
 * substituted. A query fails when it does not fit the schema, when InfluxDB refuses it, or when it
 * returns no value that is not null.
 */
final class DashboardCheck {

  /**
   * @param queriesRun how many queries were sent to InfluxDB
   * @param problems one message per failed query: file, dashboard title, panel (or variable or
   *     annotation), what is wrong, the query as written and as sent
   */
  record Report(int queriesRun, List<String> problems) {}

  private final URI influx;
  private final String database;
  private final QuerySchemaCheck schema = new QuerySchemaCheck(Schema.standard());

  DashboardCheck(URI influx, String database) {
    this.influx = influx;
    this.database = database;
  }

  /**
   * @param choices per dashboard uid, the value to choose for a variable (it must be among those the
   *     variable's query offers); without one, the first offered value is taken, as Grafana does
   */
  Report check(List<Dashboard> dashboards, Map<String, Map<String, String>> choices) {
    int run = 0;
    List<String> problems = new ArrayList<>();
    for (Dashboard dashboard : dashboards) {
      Map<String, String> chosen = choices.getOrDefault(dashboard.uid(), Map.of());
      Map<String, String> values = new HashMap<>();
      for (Dashboard.Query query : dashboard.queries()) {
        List<String> wrong = new ArrayList<>(schema.problems(query.text()));
        String sent = query.text();
        InfluxQlResult result = null;
        try {
          sent = GrafanaMacros.expand(query.text(), values);
          result = InfluxQlResult.run(influx, database, sent);
          run++;
        } catch (IllegalArgumentException e) {
          wrong.add(e.getMessage());
        }
        if (result != null) {
          if (result.error().isPresent()) {
            wrong.add("InfluxDB refused it: " + result.error().get());
          } else if (!result.hasData()) {
            wrong.add("returned no data");
          } else if (query.kind() == Dashboard.Kind.VARIABLE) {
            List<String> offered = result.tagValues();
            String value = chosen.getOrDefault(query.name(), offered.isEmpty() ? null : offered.get(0));
            if (value == null || !offered.contains(value)) {
              wrong.add("does not offer '" + value + "' (offers " + offered + ")");
            } else {
              values.put(query.name(), value);
            }
          }
        }
        for (String problem : wrong) {
          problems.add(query.where() + ": " + problem + "\n    query: " + query.text()
              + (sent.equals(query.text()) ? "" : "\n    sent:  " + sent));
        }
      }
    }
    return new Report(run, problems);
  }
}
