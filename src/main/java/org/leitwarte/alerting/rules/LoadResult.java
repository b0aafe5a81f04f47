package org.leitwarte.alerting.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.config.Problem;

/**
 * What a lenient load of the rules folder gave: every rule that is fine, every problem, and what was
 * refused, so that a reload can keep the last good version of what is broken now.
 *
 * @param rules every rule without problems, from every file
 * @param problems as {@code file:line: message}, by file and line
 * @param refused the names of rules that are defined but refused (as far as their name was readable)
 * @param unreadableFiles files that could not be read at all (YAML syntax, not a mapping, unreadable)
 * @param folderReadable false when the folder itself is gone or unreadable
 */
public record LoadResult(
    RuleSet rules, List<Problem> problems, Set<String> refused, Set<String> unreadableFiles, boolean folderReadable) {

  public LoadResult {
    Objects.requireNonNull(rules, "rules");
    problems = List.copyOf(problems);
    refused = Set.copyOf(refused);
    unreadableFiles = Set.copyOf(unreadableFiles);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * The rules to run after a reload: these, plus the last good version of each rule that is now
   * refused, or lives in a file that cannot be read now, or of every rule when the folder is gone. A
   * rule deleted from a readable file goes away.
   */
  public RuleSet withLastGood(RuleSet lastGood) {
    List<Rule> merged = new ArrayList<>(rules.all());
    Set<String> names = new HashSet<>();
    merged.forEach(rule -> names.add(rule.name()));
    for (Rule previous : lastGood.all()) {
      if (!names.contains(previous.name()) && keepsLastGood(previous)) {
        merged.add(previous);
        names.add(previous.name());
      }
    }
    return new RuleSet(merged);
  }

  private boolean keepsLastGood(Rule previous) {
    return !folderReadable || refused.contains(previous.name()) || unreadableFiles.contains(fileOf(previous));
  }

  /** {@code interface.yaml} of a source {@code interface.yaml:12}. */
  static String fileOf(Rule rule) {
    String source = rule.source();
    int colon = source.lastIndexOf(':');
    return colon < 0 ? source : source.substring(0, colon);
  }
}
