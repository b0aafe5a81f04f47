package org.leitwarte.incident.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.leitwarte.alerting.Matcher;

/**
 * One route of {@code routing.yaml} as read, with every setting it did not write already taken from the
 * route above it, so a route can be understood (and shown) on its own.
 *
 * @param id {@code root}, the {@code id:} written in the file, or derived from the position under the
 *     parent ({@code root/0}, {@code netz/1})
 * @param matchers all must match for the route to take an alert; the root has none
 * @param team the owning team, an id from {@code oncall.yaml}
 * @param policy the escalation policy id: the route's own, else its team's, else the parent's
 * @param groupBy label names whose values make one incident; {@code ["..."]} means every label
 * @param continueMatching {@code continue: true}: after this route took an alert, its later siblings
 *     are tried too
 * @param opensIncidents {@code incidents: false}: alerts this route takes stay alerts (listed, on the
 *     graphs) and page nobody, like Alertmanager's route to an empty receiver
 * @param routes the child routes, in file order
 * @param line where the route starts in the file
 */
public record Route(
    String id,
    List<Matcher> matchers,
    String team,
    String policy,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean continueMatching,
    boolean autoResolve,
    boolean opensIncidents,
    List<Route> routes,
    int line) {

  public Route {
    Objects.requireNonNull(id, "id");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(policy, "policy");
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(groupWait, "groupWait");
    Objects.requireNonNull(groupInterval, "groupInterval");
    Objects.requireNonNull(repeatInterval, "repeatInterval");
    routes = List.copyOf(routes);
  }

  /** Whether every matcher of this route (not of its children) matches. */
  public boolean matches(Map<String, String> labels) {
    return Matcher.all(matchers, labels);
  }

  /** What the incident engine needs of this route when it took an alert. */
  public MatchedRoute matched() {
    return new MatchedRoute(id, team, policy, groupBy, groupWait, groupInterval, repeatInterval, autoResolve);
  }

  /** This route and every route below it, depth first, in file order. */
  public Stream<Route> flattened() {
    return Stream.concat(Stream.of(this), routes.stream().flatMap(Route::flattened));
  }
}
