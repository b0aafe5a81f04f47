package org.leitwarte.incident.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.config.YamlMap;

/**
 * Reads a route's {@code match:} (label name to value, as in the rule files) and {@code matchers:}
 * (Alertmanager's strings); a route may have both, and then all of them must match. Broken matchers are
 * reported at their line and left out.
 */
final class RouteMatchers {

  private RouteMatchers() {}

  static List<Matcher> read(YamlMap route) {
    List<Matcher> matchers = new ArrayList<>(readMap(route));
    for (String text : route.stringList("matchers")) {
      try {
        matchers.add(MatcherSyntax.parse(text));
      } catch (IllegalArgumentException e) {
        route.problem("matchers", e.getMessage());
      }
    }
    return matchers;
  }

  private static List<Matcher> readMap(YamlMap route) {
    List<String> names = new ArrayList<>();
    Map<String, String> written = route.stringMap("match", name -> {
      names.add(name);
      return MatcherSyntax.nameProblem(name);
    });
    List<Matcher> matchers = new ArrayList<>();
    Map<String, String> broken = new LinkedHashMap<>();
    written.forEach((name, value) -> {
      try {
        matchers.add(MatcherSyntax.fromMapEntry(name, value));
      } catch (IllegalArgumentException e) {
        broken.put(name, e.getMessage());
      }
    });
    if (!broken.isEmpty()) {
      // A second view of the section, only to report at the line of the broken value; it must know every
      // key, or finishing the file would call the good ones unknown.
      route.optionalMap("match").ifPresent(section -> {
        names.forEach(section::has);
        broken.forEach(section::problem);
      });
    }
    return matchers;
  }
}
