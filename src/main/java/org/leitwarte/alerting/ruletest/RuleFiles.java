package org.leitwarte.alerting.ruletest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.rules.LoadResult;
import org.leitwarte.alerting.rules.RuleLoader;
import org.leitwarte.config.Problem;
import org.leitwarte.config.Problems;

/**
 * Loads the rules a test file names, strictly: any problem in them makes the test file invalid. {@link
 * RuleLoader} reads whole folders, so a named file is taken from its folder's load, with its own rules and
 * problems only (a broken neighbour, or the test file itself lying beside it, does not count).
 */
final class RuleFiles {

  private RuleFiles() {}

  /** The rules, or empty after reporting why they cannot be used. */
  static Optional<RuleSet> load(RuleTestFile file, Problems problems) {
    List<Rule> rules = new ArrayList<>();
    int before = problemCount(problems);
    if (file.ruleFiles().isEmpty()) {
      Path parent = file.path().toAbsolutePath().getParent();
      Path folder = parent.getParent() == null ? parent : parent.getParent();
      take(folder, RuleLoader.loadLenient(folder), null, rules, problems);
    } else {
      // Per folder, the file names wanted from it; null for a folder named as a whole.
      Map<Path, Set<String>> byFolder = new LinkedHashMap<>();
      Set<Path> wholeFolders = new LinkedHashSet<>();
      for (Path named : file.ruleFiles().get()) {
        if (Files.isDirectory(named)) {
          wholeFolders.add(named);
          continue;
        }
        for (Path each : expand(named, file, problems)) {
          byFolder.computeIfAbsent(each.getParent(), folder -> new LinkedHashSet<>()).add(each.getFileName().toString());
        }
      }
      wholeFolders.forEach(folder -> byFolder.put(folder, null));
      byFolder.forEach((folder, names) -> take(folder, RuleLoader.loadLenient(folder), names, rules, problems));
    }
    if (problemCount(problems) > before) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RuleSet(rules));
    } catch (IllegalArgumentException e) {
      problems.add(file.name(), file.ruleFilesLine(), "rule_files: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The rules and problems of {@code files} of a folder's load; all of them when {@code files} is null. */
  private static void take(Path folder, LoadResult loaded, Set<String> files, List<Rule> rules, Problems problems) {
    for (Problem problem : loaded.problems()) {
      if (files == null || files.contains(problem.file())) {
        problems.add(shown(folder.resolve(problem.file())), problem.line(), problem.message());
      }
    }
    for (Rule rule : loaded.rules().all()) {
      String source = rule.source();
      if (files == null || files.contains(source.substring(0, source.lastIndexOf(':')))) {
        rules.add(rule);
      }
    }
  }

  /** A file, or the files a glob in the last part of the path matches ({@code ../*.yaml}). */
  private static List<Path> expand(Path named, RuleTestFile file, Problems problems) {
    String fileName = named.getFileName().toString();
    if (!fileName.matches(".*[*?\\[{].*")) {
      if (!Files.isRegularFile(named)) {
        problems.add(file.name(), file.ruleFilesLine(), "rule_files: " + shown(named) + ": no such file");
        return List.of();
      }
      if (!fileName.endsWith(".yaml")) {
        problems.add(file.name(), file.ruleFilesLine(), "rule_files: " + shown(named) + ": rule files must end in .yaml");
        return List.of();
      }
      return List.of(named);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
    try (Stream<Path> entries = Files.list(named.getParent())) {
      List<Path> matches = entries.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p)).sorted().toList();
      if (matches.isEmpty()) {
        problems.add(file.name(), file.ruleFilesLine(), "rule_files: " + shown(named) + ": matches no file");
      }
      return matches;
    } catch (IOException e) {
      problems.add(file.name(), file.ruleFilesLine(), "rule_files: " + shown(named.getParent()) + ": no such folder");
      return List.of();
    }
  }

  /** A rule file as messages name it: relative to the working directory when it lies below it. */
  static String shown(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  private static int problemCount(Problems problems) {
    return problems.list().size();
  }
}
