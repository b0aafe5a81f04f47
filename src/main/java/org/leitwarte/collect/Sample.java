package org.leitwarte.collect;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One point of collected data: what everything downstream of the collectors (metrics writer, rule
 * evaluator, live status) consumes. Field values are {@link Long} (counters, states, counts),
 * {@link Double} (rates, percentages, durations), {@link String} or {@link Boolean}; a field keeps its
 * type for ever, because InfluxDB refuses a field whose type changes.
 */
public record Sample(String measurement, Map<String, String> tags, Map<String, Object> fields, long timestampMillis) {

  public Sample {
    if (measurement == null || measurement.isBlank()) {
      throw new IllegalArgumentException("a sample needs a measurement");
    }
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(fields, "fields");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("sample '" + measurement + "' has no fields");
    }
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      if (!(value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean)) {
        throw new IllegalArgumentException("sample '" + measurement + "': field '" + field.getKey()
            + "' has unsupported type " + (value == null ? "null" : value.getClass().getSimpleName()));
      }
    }
    tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
  }

  public String tag(String name) {
    return tags.get(name);
  }

  public Object field(String name) {
    return fields.get(name);
  }
}
