package org.leitwarte.collect.snmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.config.Problem;
import org.snmp4j.smi.OID;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What is polled, read once at start-up from the YAML files under {@code profiles/}: named groups
 * of scalars fetched with one GET, named tables whose columns are walked together, and named
 * classifications (OID value → word). Code refers to these by name; the numeric OIDs live only in
 * the files.
 */
final class MibProfiles {

  static final List<String> BUILT_IN = List.of("system.yaml", "if-mib.yaml", "host-resources.yaml", "ucd-snmp.yaml");
  private static final String RESOURCE_DIR = "profiles/";

  private final Map<String, OidGroup> scalarGroups = new HashMap<>();
  private final Map<String, OidGroup> tables = new HashMap<>();
  private final Map<String, Map<OID, String>> classifications = new HashMap<>();

  private MibProfiles() {}

  /** Loads the profiles shipped with Leitwarte. */
  static MibProfiles loadBuiltIn() {
    MibProfiles profiles = new MibProfiles();
    for (String file : BUILT_IN) {
      try (InputStream in = MibProfiles.class.getResourceAsStream(RESOURCE_DIR + file)) {
        if (in == null) {
          throw new IllegalStateException("SNMP profile " + file + " is missing from the class path");
        }
        profiles.read(file, new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("SNMP profile " + file + " cannot be read", e);
      }
    }
    return profiles;
  }

  /** Loads profiles from readers, named for messages; for tests of the format. */
  static MibProfiles load(Map<String, Reader> files) {
    MibProfiles profiles = new MibProfiles();
    files.forEach(profiles::read);
    return profiles;
  }

  /** A group of scalars read with one GET. */
  OidGroup scalars(String name) {
    return require(scalarGroups, name, "scalar group");
  }

  /** A table whose columns are walked together. */
  OidGroup table(String name) {
    return require(tables, name, "table");
  }

  /** Value OID → word, e.g. hrStorageRam → ram. */
  Map<OID, String> classification(String name) {
    return require(classifications, name, "classification");
  }

  private static <T> T require(Map<String, T> map, String name, String kind) {
    T value = map.get(name);
    if (value == null) {
      throw new IllegalStateException("no SNMP profile defines the " + kind + " '" + name + "'");
    }
    return value;
  }

  private void read(String file, Reader reader) {
    Node root = new Yaml(new LoaderOptions()).compose(reader);
    if (root == null) {
      return;
    }
    for (NodeTuple section : mapping(file, root).getValue()) {
      String key = scalar(file, section.getKeyNode());
      MappingNode entries = mapping(file, section.getValueNode());
      switch (key) {
        case "get" -> readGroups(file, entries, scalarGroups);
        case "tables" -> readGroups(file, entries, tables);
        case "classify" -> readClassifications(file, entries);
        default -> throw problem(file, section.getKeyNode(), "unknown section '" + key + "' (get, tables, classify)");
      }
    }
  }

  private static void readGroups(String file, MappingNode entries, Map<String, OidGroup> into) {
    for (NodeTuple group : entries.getValue()) {
      String name = scalar(file, group.getKeyNode());
      if (into.containsKey(name)) {
        throw problem(file, group.getKeyNode(), "'" + name + "' is defined twice");
      }
      Map<String, OID> oids = new LinkedHashMap<>();
      for (NodeTuple column : mapping(file, group.getValueNode()).getValue()) {
        String columnName = scalar(file, column.getKeyNode());
        if (oids.put(columnName, oid(file, column.getValueNode())) != null) {
          throw problem(file, column.getKeyNode(), "'" + columnName + "' appears twice in '" + name + "'");
        }
      }
      if (oids.isEmpty()) {
        throw problem(file, group.getKeyNode(), "'" + name + "' lists no OIDs");
      }
      into.put(name, new OidGroup(name, List.copyOf(oids.keySet()), oids.values().toArray(new OID[0])));
    }
  }

  private void readClassifications(String file, MappingNode entries) {
    for (NodeTuple classification : entries.getValue()) {
      String name = scalar(file, classification.getKeyNode());
      Map<OID, String> classes = new HashMap<>();
      for (NodeTuple word : mapping(file, classification.getValueNode()).getValue()) {
        String label = scalar(file, word.getKeyNode());
        if (!(word.getValueNode() instanceof SequenceNode values)) {
          throw problem(file, word.getValueNode(), "'" + label + "' needs a list of OIDs");
        }
        for (Node value : values.getValue()) {
          if (classes.put(oid(file, value), label) != null) {
            throw problem(file, value, "OID listed twice in '" + name + "'");
          }
        }
      }
      classifications.put(name, Map.copyOf(classes));
    }
  }

  private static MappingNode mapping(String file, Node node) {
    if (node instanceof MappingNode mapping) {
      return mapping;
    }
    throw problem(file, node, "expected a mapping");
  }

  private static String scalar(String file, Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw problem(file, node, "expected a single value");
  }

  private static OID oid(String file, Node node) {
    String text = scalar(file, node).trim();
    if (!text.matches("\\d+(\\.\\d+)+")) {
      throw problem(file, node, "'" + text + "' is not a numeric OID like 1.3.6.1.2.1.1.3.0");
    }
    return new OID(text);
  }

  private static IllegalArgumentException problem(String file, Node node, String message) {
    int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    return new IllegalArgumentException("SNMP profile " + new Problem(file, line, message));
  }

  /**
   * Named OIDs in file order: the scalars of one GET or the columns of one table walk. {@link
   * #index} resolves a name once, at start-up, to the position used for every value afterwards.
   */
  record OidGroup(String name, List<String> names, OID[] oids) {

    int index(String member) {
      int index = names.indexOf(member);
      if (index < 0) {
        throw new IllegalStateException("SNMP profile '" + name + "' has no '" + member + "' (has " + names + ")");
      }
      return index;
    }

    @Override
    public String toString() {
      return name + names;
    }

  }
}
