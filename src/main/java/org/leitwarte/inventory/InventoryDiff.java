package org.leitwarte.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The difference between what the store holds and what the files say, for one kind of record: what to
 * insert, update, merely renumber (same content, new position or source line) and delete.
 *
 * @param <T> Tenant, Site or Device
 */
record InventoryDiff<T>(
    List<Placed<T>> inserts, List<Placed<T>> updates, List<Placed<T>> relocations, List<String> deletes, int unchanged) {

  /** A record with its position in the files, which the store keeps so the inventory reads back in order. */
  record Placed<T>(T value, int ordinal) {}

  /**
   * @param sameContent whether two versions of a record mean the same to monitoring (a device that only
   *     moved within the file has the same content)
   */
  static <T> InventoryDiff<T> between(
      List<T> current, List<T> wanted, Function<T, String> id, BiPredicate<T, T> sameContent) {
    Map<String, Placed<T>> existing = new LinkedHashMap<>();
    for (int i = 0; i < current.size(); i++) {
      existing.put(id.apply(current.get(i)), new Placed<>(current.get(i), i));
    }
    List<Placed<T>> inserts = new ArrayList<>();
    List<Placed<T>> updates = new ArrayList<>();
    List<Placed<T>> relocations = new ArrayList<>();
    int unchanged = 0;
    for (int ordinal = 0; ordinal < wanted.size(); ordinal++) {
      T value = wanted.get(ordinal);
      Placed<T> before = existing.get(id.apply(value));
      if (before == null) {
        inserts.add(new Placed<>(value, ordinal));
      } else if (!sameContent.test(before.value(), value)) {
        updates.add(new Placed<>(value, ordinal));
      } else {
        unchanged++;
        if (before.ordinal() != ordinal || !before.value().equals(value)) {
          relocations.add(new Placed<>(value, ordinal));
        }
      }
    }
    Set<String> wantedIds = wanted.stream().map(id).collect(Collectors.toSet());
    List<String> deletes = existing.keySet().stream().filter(i -> !wantedIds.contains(i)).toList();
    return new InventoryDiff<>(inserts, updates, relocations, deletes, unchanged);
  }

  List<String> insertedIds(Function<T, String> id) {
    return inserts.stream().map(p -> id.apply(p.value())).toList();
  }

  List<String> updatedIds(Function<T, String> id) {
    return updates.stream().map(p -> id.apply(p.value())).toList();
  }
}
