package org.leitwarte.dashboards;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's substitutions in an InfluxQL query, as its InfluxDB data source makes them before sending
 * the query: {@code $timeFilter} (the dashboard's time range), {@code $__interval} (the resolution),
 * and template variables ({@code $tenant}, {@code ${tenant}}, {@code [[tenant]]}); a variable inside
 * a regular expression ({@code /^$interface$/}) is escaped for it, as Grafana escapes the values of
 * multi-value variables ({@code Fa3/0/1} becomes {@code Fa3\/0\/1}).
 */
final class GrafanaMacros {

  /** The time range the tests query: the last hour. */
  static final String TIME_FILTER = "time > now() - 1h";
  /** The resolution the tests query with. */
  static final String INTERVAL = "10s";

  /** Names Grafana itself fills in; everything else after a {@code $} must be a dashboard variable. */
  static final Set<String> BUILT_IN = Set.of("timeFilter", "__timeFilter", "__interval", "__interval_ms", "__from", "__to");

  private static final Pattern IN_REGEX = Pattern.compile("/\\^\\$\\{?(\\w+)\\}?\\$/");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?\\}|\\[\\[(\\w+)\\]\\]|\\$(\\w+)");

  private GrafanaMacros() {}

  /** The variables a query uses, built-ins left out. */
  static Set<String> variablesIn(String query) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = VARIABLE.matcher(query);
    while (matcher.find()) {
      String name = name(matcher);
      if (!BUILT_IN.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The query as Grafana sends it.
   *
   * @throws IllegalArgumentException naming a variable that has no value in {@code values}
   */
  static String expand(String query, Map<String, String> values) {
    String expanded = query.replace("$__timeFilter", TIME_FILTER).replace("$timeFilter", TIME_FILTER)
        .replace("$__interval_ms", String.valueOf(java.time.Duration.parse("PT" + INTERVAL).toMillis()))
        .replace("$__interval", INTERVAL);
    Matcher inRegex = IN_REGEX.matcher(expanded);
    StringBuilder out = new StringBuilder();
    while (inRegex.find()) {
      inRegex.appendReplacement(out, Matcher.quoteReplacement("/^" + regexEscaped(value(values, inRegex.group(1))) + "$/"));
    }
    inRegex.appendTail(out);
    Matcher variable = VARIABLE.matcher(out.toString());
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      variable.appendReplacement(result, Matcher.quoteReplacement(value(values, name(variable))));
    }
    variable.appendTail(result);
    return result.toString();
  }

  private static String value(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("variable $" + name + " has no value (is it defined, and before the variables that use it?)");
    }
    return value;
  }

  private static String name(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    throw new IllegalStateException("no variable name in " + matcher.group());
  }

  /** Escapes what a regular expression literal of InfluxQL would read as syntax, as Grafana does. */
  static String regexEscaped(String value) {
    return value.replaceAll("([\\\\^$.|?*+()\\[\\]{}/])", "\\\\$1");
  }
}
