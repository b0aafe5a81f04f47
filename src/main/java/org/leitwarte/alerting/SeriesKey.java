package org.leitwarte.alerting;

import java.util.Map;

/**
 * A series' identity: its sample's tags, with a hash that spreads. {@code Map.hashCode()} sums
 * {@code key ^ value} over the entries, which collides wholesale for tag sets like {@code if_index=5,
 * if_name=Gi1/0/5} and turned the series map into linear searches; this one hashes the sorted entries
 * as a sequence. One mutable instance serves as the look-up probe, so a look-up allocates nothing.
 */
final class SeriesKey {

  private Map<String, String> tags;
  private int hash;

  static SeriesKey of(Map<String, String> tags) {
    return new SeriesKey().set(tags);
  }

  /** Makes this key stand for {@code tags}, which must iterate in a stable (sorted) order. */
  SeriesKey set(Map<String, String> tags) {
    int h = 1;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      h = 31 * h + tag.getKey().hashCode();
      h = 31 * h + tag.getValue().hashCode();
    }
    // Murmur3's finaliser, so that HashMap's use of the low bits sees all of them.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    this.tags = tags;
    this.hash = h;
    return this;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SeriesKey key && key.hash == hash && key.tags.equals(tags);
  }
}
