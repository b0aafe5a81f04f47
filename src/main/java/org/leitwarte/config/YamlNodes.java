package org.leitwarte.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** What {@link YamlMap} needs to know about SnakeYAML nodes: lines, nulls, and the entries of a mapping. */
final class YamlNodes {

  /** Receives a problem found while collecting entries: its line and message. */
  interface Complaint {
    void at(int line, String message);
  }

  private YamlNodes() {}

  static int lineOf(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  static boolean isNull(Node node) {
    return Tag.NULL.equals(node.getTag());
  }

  /** How a node is described in messages: {@code a mapping}, {@code a list}, {@code nothing} or {@code 'text'}. */
  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
  }

  /**
   * The entries of a mapping by key, in file order. Duplicate keys and keys that are not plain scalars
   * are complained about; YAML merge keys ({@code <<: *defaults}) fill in keys the mapping does not set.
   */
  static Map<String, NodeTuple> entries(MappingNode node, Complaint complaint) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    collect(node, true, entries, complaint);
    return entries;
  }

  private static void collect(MappingNode node, boolean explicit, Map<String, NodeTuple> entries, Complaint complaint) {
    List<NodeTuple> merges = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (Tag.MERGE.equals(keyNode.getTag())) {
        merges.add(tuple);
        continue;
      }
      if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
        complaint.at(lineOf(keyNode), "keys must be plain words, got " + kind(keyNode));
        continue;
      }
      String key = scalar.getValue();
      NodeTuple earlier = entries.get(key);
      if (earlier == null) {
        entries.put(key, tuple);
      } else if (explicit && earlier.getKeyNode() != keyNode) {
        complaint.at(
            lineOf(keyNode), "duplicate key '" + key + "' (first on line " + lineOf(earlier.getKeyNode()) + ")");
      }
    }
    // Explicit keys were collected first, so they win over merged ones.
    for (NodeTuple merge : merges) {
      Node source = merge.getValueNode();
      List<Node> sources = source instanceof SequenceNode sequence ? sequence.getValue() : List.of(source);
      for (Node each : sources) {
        if (each instanceof MappingNode mapping) {
          collect(mapping, false, entries, complaint);
        } else {
          complaint.at(lineOf(each), "'<<' expects a mapping, got " + kind(each));
        }
      }
    }
  }
}
