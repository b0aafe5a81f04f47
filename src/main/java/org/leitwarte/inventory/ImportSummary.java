package org.leitwarte.inventory;

import java.util.List;

/**
 * What an inventory import did to the devices in the store. A device whose only difference is where it
 * is written ({@code source}, order in the file) counts as unchanged.
 */
public record ImportSummary(List<String> addedIds, List<String> changedIds, List<String> removedIds, int unchanged) {

  public ImportSummary {
    addedIds = List.copyOf(addedIds);
    changedIds = List.copyOf(changedIds);
    removedIds = List.copyOf(removedIds);
  }

  public int added() {
    return addedIds.size();
  }

  public int changed() {
    return changedIds.size();
  }

  public int removed() {
    return removedIds.size();
  }

  /** {@code 2 devices added, 1 changed, 0 removed, 40 unchanged}. */
  @Override
  public String toString() {
    return added() + " devices added, " + changed() + " changed, " + removed() + " removed, " + unchanged + " unchanged";
  }
}
