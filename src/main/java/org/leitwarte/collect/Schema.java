package org.leitwarte.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The measurements Leitwarte writes, with their tags and typed fields, read from {@code
 * schema.yaml} beside this class: the one place that says what a sample may contain.
 */
public final class Schema {

  /** Tags every sample carries. */
  public static final List<String> COMMON_TAGS = List.of("tenant", "site", "device");

  /** The type of a field, as InfluxDB stores it. */
  public enum FieldType {
    INTEGER(Long.class),
    FLOAT(Double.class),
    STRING(String.class),
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
      this.javaType = javaType;
    }

    public Class<?> javaType() {
      return javaType;
    }
  }

  /** One measurement: its own tags (besides the common ones) and its fields in schema order. */
  public record Measurement(String name, List<String> tags, Map<String, FieldType> fields) {
    public Measurement {
      tags = List.copyOf(tags);
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Common and own tags. */
    public List<String> allTags() {
      return java.util.stream.Stream.concat(COMMON_TAGS.stream(), tags.stream()).toList();
    }
  }

  private static final Schema STANDARD = load();

  private final Map<String, Measurement> measurements;

  private Schema(Map<String, Measurement> measurements) {
    this.measurements = Collections.unmodifiableMap(measurements);
  }

  public static Schema standard() {
    return STANDARD;
  }

  public Optional<Measurement> measurement(String name) {
    return Optional.ofNullable(measurements.get(name));
  }

  public Set<String> measurementNames() {
    return measurements.keySet();
  }

  @SuppressWarnings("unchecked")
  private static Schema load() {
    try (InputStream in = Schema.class.getResourceAsStream("schema.yaml")) {
      if (in == null) {
        throw new IllegalStateException("schema.yaml is missing from the class path");
      }
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      Map<String, Measurement> measurements = new LinkedHashMap<>();
      Map<String, Map<String, Object>> entries = (Map<String, Map<String, Object>>) root.get("measurements");
      entries.forEach((name, entry) -> {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        ((Map<String, String>) entry.get("fields")).forEach(
            (field, type) -> fields.put(field, FieldType.valueOf(type.toUpperCase(java.util.Locale.ROOT))));
        measurements.put(name, new Measurement(name, (List<String>) entry.get("tags"), fields));
      });
      return new Schema(measurements);
    } catch (IOException e) {
      throw new UncheckedIOException("schema.yaml cannot be read", e);
    }
  }
}
