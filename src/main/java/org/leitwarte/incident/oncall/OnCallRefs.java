package org.leitwarte.incident.oncall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leitwarte.config.Suggestions;
import org.leitwarte.config.YamlMap;

/**
 * The ids defined in {@code oncall.yaml}, gathered before anything else is read, so that a team may name
 * a policy defined further down; and the checks of references against them.
 */
final class OnCallRefs {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  final Map<String, YamlMap> people = new LinkedHashMap<>();
  final Map<String, YamlMap> teams = new LinkedHashMap<>();
  final Map<String, YamlMap> schedules = new LinkedHashMap<>();
  final Map<String, YamlMap> policies = new LinkedHashMap<>();

  /**
   * Reads an entry's id, names the entry after it in later messages ({@code person 'mmueller'}) and
   * registers it; a second entry with the same id is reported and not registered.
   */
  static Optional<String> register(YamlMap map, String kind, Map<String, YamlMap> known) {
    String id = map.string("id");
    if (id == null) {
      return Optional.empty();
    }
    map.describe(kind + " '" + id + "'");
    if (!ID.matcher(id).matches()) {
      map.problem("id", "must match [a-z0-9][a-z0-9._-]* (lower-case letters, digits, '.', '_' and '-')");
    }
    YamlMap earlier = known.putIfAbsent(id, map);
    if (earlier != null) {
      map.problem("id", "already defined at " + earlier.source());
    }
    return Optional.of(id);
  }

  /** Whether {@code id} is known; if not, reports it at {@code key} with a "did you mean". */
  static boolean check(YamlMap map, String key, String kind, String id, Map<String, YamlMap> known) {
    if (known.containsKey(id)) {
      return true;
    }
    String hint = Suggestions.closest(id, known.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
    map.problem(key, "unknown " + kind + " '" + id + "'" + hint);
    return false;
  }

  /**
   * A list of person ids that must be there and not be empty ({@code emptyMessage} otherwise); each must
   * be known, and appear once unless {@code repeats} are allowed.
   */
  List<String> people(YamlMap map, String key, boolean repeats, String emptyMessage) {
    if (!map.has(key)) {
      map.missing(key, null);
      return List.of();
    }
    List<String> ids = map.stringList(key);
    if (ids.isEmpty()) {
      map.problem(key, emptyMessage);
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      check(map, key, "person", id, people);
      if (!repeats && ids.subList(0, i).contains(id)) {
        map.problem(key, "'" + id + "' is listed twice");
      }
    }
    return ids;
  }
}
