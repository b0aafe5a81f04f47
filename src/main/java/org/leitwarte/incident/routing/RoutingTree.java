package org.leitwarte.incident.routing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.config.Durations;

/**
 * The routing tree in force, walked as Alertmanager walks its routes: a route takes an alert when all
 * its matchers match; then its children are tried in order, and the first that takes the alert ends the
 * search among its siblings unless it says {@code continue: true}. A route none of whose children takes
 * the alert is itself the result. The root has no matchers, so every alert ends somewhere.
 */
public final class RoutingTree implements Router {

  private final Route root;
  private final Map<Route, MatchedRoute> matched = new IdentityHashMap<>();

  public RoutingTree(Route root) {
    if (!root.matchers().isEmpty()) {
      throw new IllegalArgumentException("the root route must not have matchers");
    }
    this.root = root;
    // Built once: every alert asks, and a MatchedRoute only depends on its route.
    root.flattened().forEach(route -> matched.put(route, route.matched()));
  }

  @Override
  public List<MatchedRoute> route(Map<String, String> labels) {
    List<Route> taken = new ArrayList<>();
    walk(root, labels, taken);
    return taken.stream().filter(Route::opensIncidents).map(matched::get).toList();
  }

  /** Appends the routes under (and including) {@code route} that take the alert; false if {@code route} does not match. */
  private static boolean walk(Route route, Map<String, String> labels, List<Route> taken) {
    if (!route.matches(labels)) {
      return false;
    }
    boolean childTook = false;
    for (Route child : route.routes()) {
      if (walk(child, labels, taken)) {
        childTook = true;
        if (!child.continueMatching()) {
          break;
        }
      }
    }
    if (!childTook) {
      taken.add(route);
    }
    return true;
  }

  public Route root() {
    return root;
  }

  /** Every route, depth first in file order, the root first. */
  public List<Route> routes() {
    return root.flattened().toList();
  }

  /** The route with this id, e.g. to show an incident's route. */
  public Optional<Route> find(String id) {
    return root.flattened().filter(route -> route.id().equals(id)).findFirst();
  }

  /**
   * One line per route, indented by depth, for {@code check-config} and the log: {@code netz-kritisch
   * {severity="critical"} → team netz, policy netz-standard, group_by [tenant, site], wait 10s, repeat 1h}.
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    describe(root, 0, lines);
    return lines;
  }

  private static void describe(Route route, int depth, List<String> lines) {
    String matchers = route.matchers().isEmpty()
        ? ""
        : route.matchers().stream().map(Matcher::toString).collect(Collectors.joining(", ", " {", "}"));
    lines.add("  ".repeat(depth) + route.id() + matchers
        + " → team " + route.team() + ", policy " + route.policy()
        + ", group_by [" + String.join(", ", route.groupBy()) + "]"
        + ", wait " + Durations.format(route.groupWait())
        + ", interval " + Durations.format(route.groupInterval())
        + ", repeat " + Durations.format(route.repeatInterval())
        + (route.autoResolve() ? "" : ", no auto_resolve")
        + (route.continueMatching() ? ", continue" : "")
        + (route.opensIncidents() ? "" : ", no incidents"));
    route.routes().forEach(child -> describe(child, depth + 1, lines));
  }
}
