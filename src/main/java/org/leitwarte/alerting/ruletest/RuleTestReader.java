package org.leitwarte.alerting.ruletest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.maintenance.InvalidScheduleException;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;
import org.leitwarte.alerting.maintenance.Schedule;
import org.leitwarte.alerting.maintenance.ScheduleFormat;
import org.leitwarte.config.Durations;
import org.leitwarte.config.Problems;
import org.leitwarte.config.Suggestions;
import org.leitwarte.config.YamlFile;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a rule-test file (format: {@code alert-rules/README.md}, "Testing rules"). Every problem goes to
 * {@link Problems} as {@code file:line: message}; unknown keys are problems too. The tests themselves are
 * read by {@link TestCaseReader}.
 */
final class RuleTestReader {

  static final OffsetDateTime DEFAULT_START = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(10);
  private static final String DEFAULT_TEXT = "rule test";

  private final Path path;
  private final String name;
  private final Problems problems;

  private RuleTestReader(Path path, String name, Problems problems) {
    this.path = path;
    this.name = name;
    this.problems = problems;
  }

  /**
   * @param name how the file is named in messages
   * @return the file, or empty when it could not be read at all (the problems say why); a file with
   *     problems in parts is returned too, and must not be run while {@code problems} is not empty
   */
  static Optional<RuleTestFile> read(Path path, String name, Problems problems) {
    Optional<MappingNode> root = Nodes.compose(path);
    if (root.isEmpty()) {
      // YamlFile says what is wrong in the words every other file uses.
      if (YamlFile.read(path, name, problems).isPresent()) {
        problems.add(name, 0, "the file changed while it was read");
      }
      return Optional.empty();
    }
    return Optional.of(new RuleTestReader(path, name, problems).read(root.get()));
  }

  private RuleTestFile read(MappingNode node) {
    YamlMap file = YamlMap.root(problems, name, node);
    // As in rule files, top-level keys starting with x- hold YAML anchors.
    Nodes.keys(node).stream().filter(key -> key.startsWith("x-")).forEach(file::has);
    Optional<List<Path>> ruleFiles = file.has("rule_files")
        ? Optional.of(file.stringList("rule_files").stream().map(this::resolve).toList())
        : Optional.empty();
    Duration interval = file.duration("interval", DEFAULT_INTERVAL, Duration.ofMillis(1));
    Duration evaluationInterval = file.duration("evaluation_interval", DEFAULT_EVALUATION_INTERVAL, Duration.ofSeconds(1));
    OffsetDateTime start = file.value("start", RuleTestReader::dateTime, DEFAULT_START);
    Map<String, TestDevice> devices = devices(file);
    List<MaintenanceWindow> maintenance = maintenance(file, node);
    List<TestSilence> silences = silences(file);
    List<RuleTestCase> tests = new ArrayList<>();
    if (!file.has("tests")) {
      file.missing("tests", "a list of tests");
    } else {
      TestCaseReader reader = new TestCaseReader(start, interval, devices);
      List<YamlMap> items = file.mapList("tests");
      for (int i = 0; i < items.size(); i++) {
        reader.read(items.get(i)).ifPresent(tests::add);
      }
      if (items.isEmpty()) {
        file.problem("tests", "no tests");
      }
    }
    file.finish();
    return new RuleTestFile(path, name, ruleFiles, file.line("rule_files"), evaluationInterval,
        List.copyOf(devices.values()), maintenance, silences, tests);
  }

  private Path resolve(String written) {
    Path folder = path.toAbsolutePath().getParent();
    return folder.resolve(written).normalize();
  }

  private Map<String, TestDevice> devices(YamlMap file) {
    Map<String, TestDevice> devices = new LinkedHashMap<>();
    Map<String, YamlMap> maps = new LinkedHashMap<>();
    for (YamlMap device : file.mapList("devices")) {
      String id = device.string("id");
      if (id == null) {
        continue;
      }
      device.describe("device '" + id + "'");
      String tenant = device.string("tenant", "");
      String site = device.string("site", "");
      Map<String, String> labels = device.stringMap("labels", LabelMatchers::nameProblem);
      Optional<Duration> interval = device.optional("interval", YamlParsers.duration(Duration.ofSeconds(1)));
      Optional<String> parent = device.optionalString("parent");
      if (devices.containsKey(id)) {
        device.problem("id", "device '" + id + "' is listed twice");
        continue;
      }
      devices.put(id, new TestDevice(id, tenant, site, labels, interval, parent));
      maps.put(id, device);
    }
    devices.values().forEach(device -> device.parent().ifPresent(parent -> {
      if (parent.equals(device.id())) {
        maps.get(device.id()).problem("parent", "a device cannot be its own parent");
      } else if (!devices.containsKey(parent)) {
        String hint = Suggestions.closest(parent, devices.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        maps.get(device.id()).problem("parent", "device '" + parent + "' is not listed under devices" + hint);
      }
    }));
    return devices;
  }

  private List<MaintenanceWindow> maintenance(YamlMap file, MappingNode root) {
    if (!file.has("maintenance")) {
      return List.of();
    }
    Node list = Nodes.value(root, "maintenance").orElseThrow();
    if (Nodes.items(list).isEmpty()) {
      file.mapList("maintenance"); // says what is wrong with something that is not a list
      return List.of();
    }
    List<MaintenanceWindow> windows = new ArrayList<>();
    List<Node> items = Nodes.items(list);
    for (int i = 0; i < items.size(); i++) {
      String where = "maintenance[" + i + "]";
      if (!(items.get(i) instanceof MappingNode item)) {
        problems.add(name, Nodes.lineOf(items.get(i)), where + ": expected a mapping with scope: and schedule:");
        continue;
      }
      YamlMap window = YamlMap.root(problems, name, item).describe(where);
      window(window, item, i + 1).ifPresent(windows::add);
      window.finish();
    }
    return windows;
  }

  private Optional<MaintenanceWindow> window(YamlMap window, MappingNode node, long id) {
    List<Matcher> scope = LabelMatchers.read(window, "scope");
    if (!window.has("scope")) {
      window.missing("scope", "the labels of the alerts it covers, e.g. {device: wr-router}");
    }
    String author = window.string("author", DEFAULT_TEXT);
    String comment = window.string("comment", DEFAULT_TEXT);
    Schedule schedule = null;
    if (!window.has("schedule")) {
      window.missing("schedule", "as in ScheduleFormat: {weekdays: [tuesday], times: [{start: \"22:00\", end: \"23:30\"}]}");
    } else if (!(Nodes.plain(Nodes.value(node, "schedule").orElseThrow()) instanceof Map<?, ?> map)) {
      window.problem("schedule", "expected a mapping");
    } else {
      try {
        @SuppressWarnings("unchecked")
        Map<String, ?> fields = (Map<String, ?>) map;
        schedule = ScheduleFormat.parse(fields, "schedule");
      } catch (InvalidScheduleException e) {
        e.problems().forEach(problem -> problems.add(name, window.line("schedule"), window.where() + ": " + problem));
      } catch (IllegalArgumentException | ClassCastException e) {
        window.problem("schedule", String.valueOf(e.getMessage()));
      }
    }
    if (schedule == null || scope.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new MaintenanceWindow(id, scope, schedule, author, comment, DEFAULT_START.toInstant(), Optional.empty()));
    } catch (IllegalArgumentException e) {
      window.problem("scope", e.getMessage());
      return Optional.empty();
    }
  }

  private List<TestSilence> silences(YamlMap file) {
    List<TestSilence> silences = new ArrayList<>();
    List<YamlMap> items = file.mapList("silences");
    for (int i = 0; i < items.size(); i++) {
      YamlMap silence = items.get(i);
      List<Matcher> matchers = LabelMatchers.read(silence, "matchers");
      if (!silence.has("matchers")) {
        silence.missing("matchers", "the labels of the alerts it silences, e.g. {alertname: interface_down}");
      }
      Duration start = silence.value("start", YamlParsers.duration(Duration.ZERO), Duration.ZERO);
      Duration end = silence.required("end", YamlParsers.duration(Duration.ZERO));
      String author = silence.string("author", DEFAULT_TEXT);
      String comment = silence.string("comment", DEFAULT_TEXT);
      if (end == null || matchers.isEmpty()) {
        continue;
      }
      if (end.compareTo(start) <= 0) {
        silence.problem("end", "must be after start (" + Durations.format(start) + "), got " + Durations.format(end));
        continue;
      }
      try {
        silences.add(new TestSilence(i + 1, matchers, start, end, author, comment));
      } catch (IllegalArgumentException e) {
        silence.report(e.getMessage());
      }
    }
    return silences;
  }

  static OffsetDateTime dateTime(String text) {
    try {
      return OffsetDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a date-time with offset such as \"2026-03-03T21:00:00+01:00\", got '"
          + text.strip() + "'");
    }
  }
}
