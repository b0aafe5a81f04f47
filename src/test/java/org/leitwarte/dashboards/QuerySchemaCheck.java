package org.leitwarte.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.collect.Schema;

/**
 * Checks an InfluxQL query of a dashboard against the schema ({@code schema.yaml}) without running it:
 * InfluxDB answers a query for a field nobody writes with an empty result, not an error, so a typo
 * would only show as "No data" in Grafana. Every measurement named must be in the schema, every
 * quoted name a field or tag of the measurements queried (or an alias the query defines), every
 * function's field of a type the function takes (no {@code mean()} over a string), every {@code
 * GROUP BY} name a tag. Names must be quoted ({@code "loss_pct"}), so that they can be checked.
 */
final class QuerySchemaCheck {

  /** Functions that need a number; {@code last}, {@code first}, {@code count}, {@code distinct} and {@code mode} take any type. */
  private static final Set<String> NUMERIC = Set.of("mean", "median", "sum", "min", "max", "spread", "stddev", "percentile",
      "top", "bottom", "derivative", "non_negative_derivative", "difference", "non_negative_difference", "integral",
      "moving_average", "cumulative_sum", "elapsed", "abs", "round", "floor", "ceil");
  private static final Set<String> NOT_FUNCTIONS = Set.of("fill", "time", "now");

  private static final Pattern FROM_NAME = Pattern.compile("\\bFROM\\s+\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FROM_REGEX = Pattern.compile("\\bFROM\\s+/\\^\\(?([\\w|]+)\\)?\\$/", Pattern.CASE_INSENSITIVE);
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern REGEX = Pattern.compile("(=~|!~|\\bFROM)\\s*/(?:[^/\\\\]|\\\\.)*/", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALIAS = Pattern.compile("\\bAS\\s+\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern FUNCTION = Pattern.compile("\\b(\\w+)\\(\\s*(\"[^\"]+\"|[A-Za-z_]\\w*+(?!\\())?");
  private static final Pattern GROUP_BY = Pattern.compile("\\bGROUP BY\\s+(.*?)(?=\\bfill\\(|\\bORDER\\b|\\bLIMIT\\b|\\)|$)",
      Pattern.CASE_INSENSITIVE);

  private final Schema schema;

  QuerySchemaCheck(Schema schema) {
    this.schema = schema;
  }

  /** What is wrong with the query; empty when it fits the schema. */
  List<String> problems(String query) {
    List<String> problems = new ArrayList<>();
    Set<String> measurementNames = measurements(query);
    List<Schema.Measurement> measurements = new ArrayList<>();
    for (String name : measurementNames) {
      Optional<Schema.Measurement> measurement = schema.measurement(name);
      if (measurement.isEmpty()) {
        problems.add("measurement '" + name + "' is not in schema.yaml");
      } else {
        measurements.add(measurement.get());
      }
    }
    if (measurementNames.isEmpty()) {
      problems.add("names no measurement");
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Set<String> aliases = new LinkedHashSet<>();
    Matcher alias = ALIAS.matcher(query);
    while (alias.find()) {
      aliases.add(alias.group(1));
    }
    String bare = REGEX.matcher(STRING.matcher(query).replaceAll("''")).replaceAll("$1 //");
    Matcher quoted = QUOTED.matcher(bare);
    while (quoted.find()) {
      String name = quoted.group(1);
      if (!measurementNames.contains(name) && !aliases.contains(name) && field(measurements, name).isEmpty()
          && !isTag(measurements, name)) {
        problems.add("'" + name + "' is neither a field nor a tag of " + names(measurements) + " in schema.yaml");
      }
    }
    Matcher function = FUNCTION.matcher(bare);
    while (function.find()) {
      String name = function.group(1).toLowerCase(java.util.Locale.ROOT);
      String argument = function.group(2);
      if (NOT_FUNCTIONS.contains(name) || argument == null) {
        continue;
      }
      if (!argument.startsWith("\"")) {
        problems.add(name + "(" + argument + "): quote the name (\"" + argument + "\") so that it can be checked");
        continue;
      }
      String field = argument.substring(1, argument.length() - 1);
      Optional<Schema.FieldType> type = field(measurements, field);
      if (type.isEmpty() && isTag(measurements, field) && !aliases.contains(field)) {
        problems.add(name + "() over '" + field + "', a tag, not a field");
      } else if (type.isPresent() && !aliases.contains(field) && NUMERIC.contains(name)
          && type.get() != Schema.FieldType.INTEGER && type.get() != Schema.FieldType.FLOAT) {
        problems.add(name + "() over '" + field + "', a " + type.get().name().toLowerCase(java.util.Locale.ROOT)
            + " field: it needs a number");
      }
    }
    Matcher groupBy = GROUP_BY.matcher(bare);
    while (groupBy.find()) {
      Matcher names = QUOTED.matcher(groupBy.group(1));
      while (names.find()) {
        if (!isTag(measurements, names.group(1))) {
          problems.add("GROUP BY \"" + names.group(1) + "\": not a tag of " + names(measurements) + " in schema.yaml");
        }
      }
    }
    return problems;
  }

  /** The measurements a query reads: {@code FROM "icmp"}, {@code FROM /^(snmp|icmp)$/}; subqueries' included. */
  static Set<String> measurements(String query) {
    Set<String> names = new LinkedHashSet<>();
    Matcher regex = FROM_REGEX.matcher(query);
    while (regex.find()) {
      names.addAll(List.of(regex.group(1).split("\\|")));
    }
    Matcher name = FROM_NAME.matcher(query);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  private static Optional<Schema.FieldType> field(List<Schema.Measurement> measurements, String name) {
    return measurements.stream().map(m -> m.fields().get(name)).filter(java.util.Objects::nonNull).findFirst();
  }

  private static boolean isTag(List<Schema.Measurement> measurements, String name) {
    return measurements.stream().anyMatch(m -> m.allTags().contains(name));
  }

  private static String names(List<Schema.Measurement> measurements) {
    return measurements.stream().map(m -> "'" + m.name() + "'").collect(java.util.stream.Collectors.joining(", ", "measurement ", ""));
  }
}
