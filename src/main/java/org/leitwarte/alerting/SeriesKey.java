package org.leitwarte.alerting;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A series' identity: its sample's tags. Two reasons not to key by the tag map itself: {@code
 * Map.hashCode()} sums {@code key ^ value} over the entries, which collides wholesale for tag sets like
 * {@code if_index=5, if_name=Gi1/0/5} (the series map degraded into linear searches), and a retained
 * {@code TreeMap} costs about 340 bytes per series where a flat array of names and values costs 60.
 * One mutable instance serves as the look-up probe, wrapping the sample's own (sorted) tags, so a
 * look-up allocates nothing.
 */
final class SeriesKey {

  /** Set while probing: a sample's tags, sorted by name. */
  private Map<String, String> probe;
  /** Set when stored: names and values, alternating, sorted by name. */
  private String[] pairs;
  private int hash;

  /** A key to store, for {@code tags}. */
  static SeriesKey of(Map<String, String> tags) {
    SortedMap<String, String> sorted = tags instanceof SortedMap<String, String> s && s.comparator() == null
        ? s
        : new TreeMap<>(tags);
    String[] pairs = new String[sorted.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> tag : sorted.entrySet()) {
      pairs[i++] = tag.getKey();
      pairs[i++] = tag.getValue();
    }
    SeriesKey key = new SeriesKey();
    key.pairs = pairs;
    key.hash = mix(Arrays.hashCode(pairs));
    return key;
  }

  /** Makes this probe stand for a sample's {@code tags}, which iterate sorted by name. */
  SeriesKey probe(Map<String, String> tags) {
    int h = 1;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      h = 31 * h + tag.getKey().hashCode();
      h = 31 * h + tag.getValue().hashCode();
    }
    this.probe = tags;
    this.hash = mix(h);
    return this;
  }

  /** The value of tag {@code name}, or null. */
  String get(String name) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(name)) {
        return pairs[i + 1];
      }
    }
    return null;
  }

  /** Names and values, alternating, sorted by name; not to be changed. */
  String[] pairs() {
    return pairs;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SeriesKey key) || key.hash != hash) {
      return false;
    }
    if (pairs != null && key.pairs != null) {
      return Arrays.equals(pairs, key.pairs);
    }
    return pairs != null ? matches(key.probe, pairs) : matches(probe, key.pairs);
  }

  private static boolean matches(Map<String, String> tags, String[] pairs) {
    if (tags.size() * 2 != pairs.length) {
      return false;
    }
    Iterator<Map.Entry<String, String>> it = tags.entrySet().iterator();
    for (int i = 0; i < pairs.length; i += 2) {
      Map.Entry<String, String> tag = it.next();
      if (!tag.getKey().equals(pairs[i]) || !tag.getValue().equals(pairs[i + 1])) {
        return false;
      }
    }
    return true;
  }

  /** Murmur3's finaliser, so that HashMap's use of the low bits sees all of them. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
