package org.leitwarte.incident.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problems;
import org.leitwarte.config.Suggestions;
import org.leitwarte.config.YamlFile;
import org.leitwarte.config.YamlMap;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.OnCallConfig;

/**
 * Reads {@code routing.yaml}, the routing tree (the format is documented in {@code alert-rules/README.md}
 * and {@code alert-rules/routing.yaml}). Teams and policies are checked against {@code oncall.yaml}; every
 * problem is collected and thrown together as {@code routing.yaml:line: message}.
 */
public final class RoutingLoader {

  /** The file's name; it lives in the rules folder, beside the rule files and {@code oncall.yaml}. */
  public static final String FILE_NAME = "routing.yaml";

  static final List<String> DEFAULT_GROUP_BY = List.of("tenant");
  static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  /** What a route takes from the route above it when it does not say otherwise. */
  private record Settings(
      String team, String policy, List<String> groupBy, Duration groupWait, Duration groupInterval,
      Duration repeatInterval, boolean autoResolve, boolean opensIncidents) {}

  private static final Settings DEFAULTS = new Settings(
      "", "", DEFAULT_GROUP_BY, DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL, DEFAULT_REPEAT_INTERVAL, true, true);

  private final Problems problems = new Problems();
  private final OnCallConfig oncall;
  private final Map<String, YamlMap> ids = new LinkedHashMap<>();

  private RoutingLoader(OnCallConfig oncall) {
    this.oncall = oncall;
  }

  /**
   * Loads one routing file.
   *
   * @param oncall the teams and escalation policies routes may name
   * @throws ConfigException listing every problem as {@code file:line: message}
   */
  public static RoutingTree load(Path file, OnCallConfig oncall) throws ConfigException {
    RoutingLoader loader = new RoutingLoader(oncall);
    Path name = file.getFileName();
    Optional<Route> root = YamlFile.read(file, name == null ? file.toString() : name.toString(), loader.problems)
        .flatMap(loader::read);
    loader.problems.throwIfAny();
    return new RoutingTree(root.orElseThrow());
  }

  /**
   * Loads {@code routing.yaml} from the rules folder; empty when there is none, and then no alert
   * becomes an incident.
   */
  public static Optional<RoutingTree> loadFromRulesFolder(Path rulesFolder, OnCallConfig oncall)
      throws ConfigException {
    Path file = rulesFolder.resolve(FILE_NAME);
    return Files.exists(file) ? Optional.of(load(file, oncall)) : Optional.empty();
  }

  private Optional<Route> read(YamlMap file) {
    if (!file.has("route")) {
      file.missing("route", "the root route, which takes every alert no other route takes");
    }
    Optional<Route> root = file.optionalMap("route").map(this::readRoot);
    file.finish();
    return root;
  }

  private Route readRoot(YamlMap map) {
    ids.put("root", map);
    if (map.has("id")) {
      map.problem("id", "the root route is always called 'root'");
    }
    for (String key : List.of("match", "matchers")) {
      if (map.has(key)) {
        map.problem(key, "the root route takes every alert no other route takes and cannot have matchers;"
            + " put them on a route under routes:");
      }
    }
    if (map.has("continue")) {
      map.problem("continue", "the root route has no siblings to continue with");
    }
    if (!map.has("team")) {
      map.missing("team", "the root route is the default and must name a team");
    }
    return readRoute(map, "root", List.of(), false, DEFAULTS);
  }

  private Route readChild(YamlMap map, String derivedId, Settings parent) {
    String id = map.optionalString("id").map(given -> registered(map, given)).orElse(derivedId);
    map.describe("route '" + id + "'");
    List<Matcher> matchers = RouteMatchers.read(map);
    boolean continueMatching = map.bool("continue", false);
    return readRoute(map, id, matchers, continueMatching, parent);
  }

  private String registered(YamlMap map, String id) {
    map.describe("route '" + id + "'");
    if (!ID.matcher(id).matches()) {
      map.problem("id", "must match [a-z0-9][a-z0-9._-]* (lower-case letters, digits, '.', '_' and '-')");
    }
    YamlMap earlier = ids.putIfAbsent(id, map);
    if (earlier != null) {
      map.problem("id", "already defined at " + earlier.source());
    }
    return id;
  }

  private Route readRoute(YamlMap map, String id, List<Matcher> matchers, boolean continueMatching, Settings parent) {
    Settings own = new Settings(
        team(map, parent), policy(map, parent), groupBy(map, parent),
        map.value("group_wait", RouteTimings.GROUP_WAIT, parent.groupWait()),
        map.value("group_interval", RouteTimings.GROUP_INTERVAL, parent.groupInterval()),
        map.value("repeat_interval", RouteTimings.REPEAT_INTERVAL, parent.repeatInterval()),
        map.bool("auto_resolve", parent.autoResolve()),
        map.bool("incidents", parent.opensIncidents()));
    List<Route> children = new ArrayList<>();
    List<YamlMap> childMaps = map.mapList("routes");
    for (int i = 0; i < childMaps.size(); i++) {
      children.add(readChild(childMaps.get(i), id + "/" + i, own));
    }
    return new Route(id, matchers, own.team(), own.policy(), own.groupBy(), own.groupWait(), own.groupInterval(),
        own.repeatInterval(), continueMatching, own.autoResolve(), own.opensIncidents(), children, map.line());
  }

  private String team(YamlMap map, Settings parent) {
    Optional<String> team = map.optionalString("team");
    team.ifPresent(t -> known(map, "team", "team", t, oncall.teams().stream().map(Team::id).toList()));
    return team.orElse(parent.team());
  }

  /**
   * The route's own policy; else, when it names a team, that team's (never the parent's, which would page
   * another team's people); else the parent's.
   */
  private String policy(YamlMap map, Settings parent) {
    List<String> policies = oncall.policies().stream().map(EscalationPolicy::id).toList();
    Optional<String> policy = map.optionalString("policy");
    if (policy.isPresent()) {
      known(map, "policy", "escalation policy", policy.get(), policies);
      return policy.get();
    }
    if (!map.has("team")) {
      return parent.policy();
    }
    Optional<Team> team = map.optionalString("team").flatMap(oncall::team);
    Optional<String> teamPolicy = team.flatMap(Team::policy);
    if (team.isPresent() && teamPolicy.isEmpty()) {
      map.report("team '" + team.get().id() + "' has no escalation policy in oncall.yaml, so the route must name one"
          + " with policy: (" + knownList(policies) + ")");
    }
    return teamPolicy.orElse("");
  }

  private static List<String> groupBy(YamlMap map, Settings parent) {
    if (!map.has("group_by")) {
      return parent.groupBy();
    }
    List<String> names = map.stringList("group_by");
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.equals(MatchedRoute.ALL_LABELS)) {
        if (names.size() > 1) {
          map.problem("group_by", "'...' (every label) stands alone, without other labels");
        }
      } else {
        MatcherSyntax.nameProblem(name).ifPresent(problem -> map.problem("group_by", problem));
      }
      if (!seen.add(name)) {
        map.problem("group_by", "'" + name + "' is listed twice");
      }
    }
    return names;
  }

  private static void known(YamlMap map, String key, String kind, String id, List<String> known) {
    if (!known.contains(id)) {
      String hint = Suggestions.closest(id, known).map(s -> "did you mean '" + s + "'? ").orElse("");
      map.problem(key, "unknown " + kind + " '" + id + "' (" + hint + knownList(known) + ")");
    }
  }

  private static String knownList(List<String> known) {
    return known.isEmpty() ? "oncall.yaml defines none" : "known: " + String.join(", ", known);
  }
}
