package org.leitwarte.config;

import static org.leitwarte.config.YamlNodes.isNull;
import static org.leitwarte.config.YamlNodes.kind;
import static org.leitwarte.config.YamlNodes.lineOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, line-aware reading of one YAML mapping (a SnakeYAML node). Every problem goes to {@link
 * Problems} with its file and line, and reading goes on: getters with a default return it, required
 * getters return {@code null}, so a loader can report everything wrong in one run and throw at the end.
 * {@link #finish()} reports every key nobody asked for as unknown, with a "did you mean" for typos.
 *
 * <p>Messages read {@code where: key: what is wrong}, e.g. {@code device 'x': snmp.port: expected an
 * integer 1–65535, got 'abc'}: {@code where} names the object (a device, or nothing at the top of a
 * file), the key path names the value inside it.
 */
public final class YamlMap {

  /** Turns a scalar's text into a value; throws {@link IllegalArgumentException} with a message for the user. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text);
  }

  private static final Parser<String> NON_EMPTY = YamlParsers.nonEmpty();

  private final Problems problems;
  private final String file;
  private final int line;
  private final String path;
  private String where;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();
  private final List<YamlMap> children = new ArrayList<>();

  private YamlMap(Problems problems, String file, int line, String where, String path, MappingNode node) {
    this.problems = problems;
    this.file = file;
    this.line = line;
    this.where = where;
    this.path = path;
    if (node != null) {
      entries.putAll(YamlNodes.entries(node, (at, message) -> problems.add(file, at, section() + message)));
    }
  }

  /** The top-level mapping of a file. */
  public static YamlMap root(Problems problems, String file, MappingNode node) {
    return new YamlMap(problems, file, lineOf(node), "", "", node);
  }

  /** The file these values came from, as shown in messages. */
  public String file() {
    return file;
  }

  /** The line where this mapping starts. */
  public int line() {
    return line;
  }

  /** The line of a key's value, or of this mapping when the key is absent. */
  public int line(String key) {
    NodeTuple entry = entries.get(key);
    return entry == null ? line : lineOf(entry.getValueNode());
  }

  /** {@code file:line} of this mapping, e.g. {@code inventory.yaml:12}. */
  public String source() {
    return file + ":" + line;
  }

  public String where() {
    return where;
  }

  /** Names the object this mapping describes in later messages, e.g. once a device's id is known. */
  public YamlMap describe(String newWhere) {
    this.where = newWhere;
    return this;
  }

  /** Whether the key is present with a value (an explicit {@code null} counts as absent). */
  public boolean has(String key) {
    known.add(key);
    NodeTuple entry = entries.get(key);
    return entry != null && !isNull(entry.getValueNode());
  }

  // ---- scalars ---------------------------------------------------------------------------------

  public <T> Optional<T> optional(String key, Parser<T> parser) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node value = entries.get(key).getValueNode();
    if (!(value instanceof ScalarNode scalar)) {
      problem(key, "expected a single value, got " + kind(value));
      return Optional.empty();
    }
    try {
      return Optional.of(parser.parse(scalar.getValue()));
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  /** A value that must be there; {@code null} (after reporting) when it is missing or wrong. */
  public <T> T required(String key, Parser<T> parser) {
    if (!has(key)) {
      if (entries.containsKey(key)) {
        problem(key, "no value given");
      } else {
        missing(key, null);
      }
      return null;
    }
    return optional(key, parser).orElse(null);
  }

  /** A value with a default, used when the key is absent or (after reporting) wrong. */
  public <T> T value(String key, Parser<T> parser, T defaultValue) {
    return optional(key, parser).orElse(defaultValue);
  }

  public String string(String key) {
    return required(key, NON_EMPTY);
  }

  public Optional<String> optionalString(String key) {
    return optional(key, NON_EMPTY);
  }

  public String string(String key, String defaultValue) {
    return value(key, NON_EMPTY, defaultValue);
  }

  public Integer integer(String key, int min, int max) {
    return required(key, YamlParsers.integer(min, max));
  }

  public int integer(String key, int min, int max, int defaultValue) {
    return value(key, YamlParsers.integer(min, max), defaultValue);
  }

  public boolean bool(String key, boolean defaultValue) {
    return value(key, YamlParsers.bool(), defaultValue);
  }

  /** A Prometheus-style duration ({@link Durations}) of at least {@code min}. */
  public Duration duration(String key, Duration defaultValue, Duration min) {
    return value(key, YamlParsers.duration(min), defaultValue);
  }

  /** A size in bytes ({@link ByteSizes}) of at least {@code min}. */
  public long bytes(String key, long defaultValue, long min) {
    return value(key, YamlParsers.bytes(min), defaultValue);
  }

  /**
   * A password, community or key ({@link Secret}); reports when it does not resolve with the given
   * environment, naming the variable or file but never the value.
   */
  public Optional<Secret> optionalSecret(String key, Map<String, String> environment) {
    Optional<Secret> secret = optional(key, NON_EMPTY).map(Secret::of);
    secret.flatMap(s -> s.problem(environment)).ifPresent(problem -> problem(key, problem));
    return secret;
  }

  // ---- collections -----------------------------------------------------------------------------

  /** A list of strings; a single string is a list of one; absent is empty. */
  public List<String> stringList(String key) {
    if (!has(key)) {
      return List.of();
    }
    Node value = entries.get(key).getValueNode();
    if (value instanceof ScalarNode scalar) {
      return List.of(scalar.getValue());
    }
    if (!(value instanceof SequenceNode sequence)) {
      problem(key, "expected a list of strings, got " + kind(value));
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
        strings.add(scalar.getValue());
      } else {
        problems.add(file, lineOf(item), prefix() + fullKey(key) + ": expected a string, got " + kind(item));
      }
    }
    return strings;
  }

  /**
   * A list of mappings, e.g. {@code devices}; absent is empty. Each element is described as {@code
   * devices[0]} until the caller names it with {@link #describe}.
   */
  public List<YamlMap> mapList(String key) {
    if (!has(key)) {
      return List.of();
    }
    Node value = entries.get(key).getValueNode();
    if (!(value instanceof SequenceNode sequence)) {
      problem(key, "expected a list, got " + kind(value));
      return List.of();
    }
    List<YamlMap> maps = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String label = fullKey(key) + "[" + i + "]";
      if (item instanceof MappingNode mapping) {
        maps.add(child(new YamlMap(problems, file, lineOf(item), joinWhere(label), "", mapping)));
      } else {
        problems.add(file, lineOf(item), prefix() + label + ": expected a mapping, got " + kind(item));
      }
    }
    return maps;
  }

  /** A nested section; absent (or wrong, after reporting) reads as an empty mapping, so defaults apply. */
  public YamlMap map(String key) {
    return optionalMap(key).orElseGet(() -> child(new YamlMap(problems, file, line(key), where, fullKey(key), null)));
  }

  public Optional<YamlMap> optionalMap(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node value = entries.get(key).getValueNode();
    if (!(value instanceof MappingNode mapping)) {
      problem(key, "expected a mapping, got " + kind(value));
      return Optional.empty();
    }
    // Problems with the section as a whole point at its key, "snmp:", not at its first entry.
    int keyLine = lineOf(entries.get(key).getKeyNode());
    return Optional.of(child(new YamlMap(problems, file, keyLine, where, fullKey(key), mapping)));
  }

  /**
   * A mapping of strings to strings, e.g. labels. {@code keyProblem} says what is wrong with a key, if
   * anything; such entries are reported at their line and left out.
   */
  public Map<String, String> stringMap(String key, Function<String, Optional<String>> keyProblem) {
    Optional<YamlMap> section = optionalMap(key);
    if (section.isEmpty()) {
      return Map.of();
    }
    YamlMap map = section.get();
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> entry : map.entries.entrySet()) {
      String name = entry.getKey();
      map.known.add(name);
      Node value = entry.getValue().getValueNode();
      Optional<String> problem = keyProblem.apply(name);
      if (problem.isPresent()) {
        problems.add(file, lineOf(entry.getValue().getKeyNode()), prefix() + fullKey(key) + ": " + problem.get());
      } else if (value instanceof ScalarNode scalar && !isNull(value)) {
        strings.put(name, scalar.getValue());
      } else {
        map.problem(name, "expected a string, got " + kind(value));
      }
    }
    return strings;
  }

  // ---- problems --------------------------------------------------------------------------------

  /** Reports a problem with the value of {@code key}, at its line. */
  public void problem(String key, String message) {
    known.add(key);
    problems.add(file, line(key), prefix() + fullKey(key) + ": " + message);
  }

  /** Reports that a required key is absent; {@code why} (may be null) says why it is needed. */
  public void missing(String key, String why) {
    known.add(key);
    problems.add(file, line, section() + "missing key '" + key + "'" + (why == null ? "" : " (" + why + ")"));
  }

  /** Reports a problem with this mapping as a whole, at its first line. */
  public void report(String message) {
    problems.add(file, line, section() + message);
  }

  /** Reports every key in this mapping and the sections read from it that nobody asked for. */
  public void finish() {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (!known.contains(key)) {
        String hint = Suggestions.closest(key, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
        problems.add(file, lineOf(entry.getValue().getKeyNode()), section() + "unknown key '" + key + "'" + hint);
      }
    }
    children.forEach(YamlMap::finish);
  }

  // ---- internals -------------------------------------------------------------------------------

  private YamlMap child(YamlMap child) {
    children.add(child);
    return child;
  }

  private String prefix() {
    return where.isEmpty() ? "" : where + ": ";
  }

  private String section() {
    return prefix() + (path.isEmpty() ? "" : path + ": ");
  }

  private String fullKey(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String joinWhere(String label) {
    return where.isEmpty() ? label : where + ": " + label;
  }
}
