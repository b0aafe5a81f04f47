package org.leitwarte.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every problem found while reading configuration files, so the user sees all of them at once
 * instead of fixing one per run.
 */
public final class Problems {

  private final Set<Problem> problems = new LinkedHashSet<>();
  private final Map<String, Integer> fileOrder = new LinkedHashMap<>();

  /** Adds a problem; the same problem twice (e.g. through a YAML alias) is kept once. */
  public void add(String file, int line, String message) {
    fileOrder.putIfAbsent(file, fileOrder.size());
    problems.add(new Problem(file, line, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The problems, grouped by file in the order the files were read, and by line within a file. */
  public List<Problem> list() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.<Problem>comparingInt(p -> fileOrder.get(p.file())).thenComparingInt(Problem::line));
    return sorted;
  }

  public ConfigException exception() {
    return new ConfigException(list());
  }

  public void throwIfAny() throws ConfigException {
    if (!problems.isEmpty()) {
      throw exception();
    }
  }
}
