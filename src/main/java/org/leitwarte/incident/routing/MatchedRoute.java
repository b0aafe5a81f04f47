package org.leitwarte.incident.routing;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where an alert goes: the route it matched, with everything inherited from the routes above it
 * resolved, so the incident engine never walks the tree.
 *
 * @param routeId stable id of the route ({@code root}, {@code root/0}, {@code root/0/1}, or the {@code id:} given in the file)
 * @param team the team that owns incidents of this route
 * @param policy the escalation policy (the route's own, else the team's)
 * @param groupBy labels whose values make one incident; {@code ["..."]} means every label (one incident per alert)
 * @param groupWait how long a new incident waits for more alerts of its group before the first notification
 * @param groupInterval how long an open incident waits before telling about alerts added to it (read, not used yet)
 * @param repeatInterval after how long an unacknowledged, still firing incident is told again once its escalation ran out
 * @param autoResolve whether the incident resolves by itself when all its alerts have resolved
 */
public record MatchedRoute(
    String routeId,
    String team,
    String policy,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean autoResolve) {

  /** The {@code group_by} value that groups by every label. */
  public static final String ALL_LABELS = "...";

  public MatchedRoute {
    Objects.requireNonNull(routeId, "routeId");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(policy, "policy");
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(groupWait, "groupWait");
    Objects.requireNonNull(groupInterval, "groupInterval");
    Objects.requireNonNull(repeatInterval, "repeatInterval");
  }

  /** The {@code group_by} labels of an alert and their values (a missing label counts as ""), sorted by name. */
  public Map<String, String> groupLabels(Map<String, String> labels) {
    Map<String, String> group = new TreeMap<>();
    if (groupBy.contains(ALL_LABELS)) {
      group.putAll(labels);
    } else {
      groupBy.forEach(name -> group.put(name, labels.getOrDefault(name, "")));
    }
    return Collections.unmodifiableMap(group);
  }

  /** One open incident per key: the route and the values of its {@code group_by} labels. */
  public String groupKey(Map<String, String> labels) {
    return routeId + "{" + groupLabels(labels).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + quoted(entry.getValue()))
        .collect(Collectors.joining(",")) + "}";
  }

  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
