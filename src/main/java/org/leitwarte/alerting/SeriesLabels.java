package org.leitwarte.alerting;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules see of a series: its tags over its device's inventory labels, as a read-only view of
 * the two (the key's array and the inventory's map), so that hundreds of thousands of series do not
 * each carry a merged copy. Look-ups are a scan of a handful of tags, then one map look-up.
 */
final class SeriesLabels extends AbstractMap<String, String> {

  private final String[] tags;
  private final Map<String, String> device;
  private final int size;

  SeriesLabels(String[] tags, Map<String, String> device) {
    this.tags = tags;
    this.device = device;
    int shadowed = 0;
    for (int i = 0; i < tags.length; i += 2) {
      shadowed += device.containsKey(tags[i]) ? 1 : 0;
    }
    this.size = tags.length / 2 + device.size() - shadowed;
  }

  @Override
  public String get(Object name) {
    for (int i = 0; i < tags.length; i += 2) {
      if (tags[i].equals(name)) {
        return tags[i + 1];
      }
    }
    return device.get(name);
  }

  @Override
  public String getOrDefault(Object name, String otherwise) {
    String value = get(name);
    return value == null ? otherwise : value;
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        List<Entry<String, String>> entries = new ArrayList<>(size);
        for (int i = 0; i < tags.length; i += 2) {
          entries.add(Map.entry(tags[i], tags[i + 1]));
        }
        for (Entry<String, String> label : device.entrySet()) {
          if (!isTag(label.getKey())) {
            entries.add(Map.entry(label.getKey(), label.getValue()));
          }
        }
        return java.util.Collections.unmodifiableList(entries).iterator();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private boolean isTag(String name) {
    for (int i = 0; i < tags.length; i += 2) {
      if (tags[i].equals(name)) {
        return true;
      }
    }
    return false;
  }
}
