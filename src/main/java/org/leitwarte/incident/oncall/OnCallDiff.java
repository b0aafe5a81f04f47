package org.leitwarte.incident.oncall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The difference between the records in the store and those in the file, for one kind of record: what
 * to insert, update, leave (only renumbered to the file's order) and delete.
 */
record OnCallDiff<T>(List<Placed<T>> inserts, List<Placed<T>> updates, List<Placed<T>> unchanged, List<String> deletes) {

  /** A record with its position in the file. */
  record Placed<T>(T value, int ordinal) {}

  static <T> OnCallDiff<T> between(List<T> current, List<T> wanted, Function<T, String> id) {
    Map<String, T> existing = new LinkedHashMap<>();
    current.forEach(value -> existing.put(id.apply(value), value));
    List<Placed<T>> inserts = new ArrayList<>();
    List<Placed<T>> updates = new ArrayList<>();
    List<Placed<T>> unchanged = new ArrayList<>();
    for (int ordinal = 0; ordinal < wanted.size(); ordinal++) {
      T value = wanted.get(ordinal);
      T before = existing.get(id.apply(value));
      List<Placed<T>> target = before == null ? inserts : before.equals(value) ? unchanged : updates;
      target.add(new Placed<>(value, ordinal));
    }
    Set<String> wantedIds = wanted.stream().map(id).collect(Collectors.toSet());
    List<String> deletes = existing.keySet().stream().filter(i -> !wantedIds.contains(i)).toList();
    return new OnCallDiff<>(inserts, updates, unchanged, deletes);
  }

  OnCallImportSummary.Changes changes(Function<T, String> id) {
    return new OnCallImportSummary.Changes(
        inserts.stream().map(p -> id.apply(p.value())).toList(),
        updates.stream().map(p -> id.apply(p.value())).toList(),
        deletes,
        unchanged.size());
  }
}
