package org.leitwarte.alerting.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problem;
import org.leitwarte.config.Problems;

/**
 * Loads the alert rules of a folder: every {@code *.yaml} directly in it (a {@code tests/} folder and
 * hidden files are left alone), in file-name order. Rule names are unique across all files.
 *
 * <p>{@link #load} is all or nothing (for {@code check-config}); {@link #loadLenient} keeps every good
 * rule and reports the rest (for reloading a running service). Neither throws for bad input other
 * than through {@link ConfigException}; both block (file IO, compiling), so call them off the event
 * loop.
 */
public final class RuleLoader {

  private RuleLoader() {}

  /**
   * @throws ConfigException listing every problem of every file as {@code file:line: message}
   */
  public static RuleSet load(Path folder) throws ConfigException {
    LoadResult result = loadLenient(folder);
    if (!result.ok()) {
      throw new ConfigException(result.problems());
    }
    return result.rules();
  }

  /** Every rule without problems, and every problem; a broken rule never takes other rules down. */
  public static LoadResult loadLenient(Path folder) {
    return loadLenient(folder, Schema.standard());
  }

  static LoadResult loadLenient(Path folder, Schema schema) {
    Problems problems = new Problems();
    Path name = folder.getFileName();
    String folderName = name == null ? folder.toString() : name.toString();
    List<Path> files;
    try {
      files = files(folder, problems);
    } catch (IOException e) {
      String why = Files.isDirectory(folder) ? "cannot be read (" + e.getClass().getSimpleName() + ")" : "not found";
      problems.add(folderName, 0, "rules folder " + why + ": " + folder.toAbsolutePath().normalize());
      return new LoadResult(RuleSet.empty(), problems.list(), Set.of(), Set.of(), false);
    }
    CelEnvironment cel = new CelEnvironment();
    Map<String, Rule> rules = new LinkedHashMap<>();
    Set<String> refused = new HashSet<>();
    Set<String> unreadable = new HashSet<>();
    for (Path file : files) {
      RuleFile.Contents contents = RuleFile.read(file, schema, cel);
      if (!contents.readable()) {
        unreadable.add(contents.file());
      }
      contents.problems().forEach(p -> problems.add(p.file(), p.line(), p.message()));
      for (RuleReader.Outcome outcome : contents.rules()) {
        outcome.problems().forEach(p -> problems.add(p.file(), p.line(), p.message()));
        if (outcome.rule().isEmpty()) {
          outcome.name().ifPresent(refused::add);
          continue;
        }
        Rule rule = outcome.rule().get();
        Rule first = rules.putIfAbsent(rule.name(), rule);
        if (first != null) {
          problems.add(contents.file(), lineOf(rule), "rule '" + rule.name()
              + "': the name is already used by the rule at " + first.source()
              + " (rule names must be unique across all rule files)");
        }
      }
    }
    return new LoadResult(new RuleSet(new ArrayList<>(rules.values())), problems.list(), refused, unreadable, true);
  }

  /**
   * Files beside the rules that are not rules: the incident routing tree and the on-call
   * configuration (teams, people, schedules, escalation policies), read by the incident engine.
   */
  public static final java.util.Set<String> NOT_RULES = java.util.Set.of("routing.yaml", "oncall.yaml");

  /** The rule files in name order; a {@code .yml} file is reported rather than silently skipped. */
  private static List<Path> files(Path folder, Problems problems) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.sorted().toList()) {
        String fileName = entry.getFileName().toString();
        if (fileName.startsWith(".") || NOT_RULES.contains(fileName) || !Files.isRegularFile(entry)) {
          continue;
        }
        if (fileName.endsWith(".yaml")) {
          files.add(entry);
        } else if (fileName.endsWith(".yml")) {
          problems.add(fileName, 0, "not read: rule files must end in .yaml");
        }
      }
    }
    return files;
  }

  private static int lineOf(Rule rule) {
    String source = rule.source();
    return Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
  }
}
