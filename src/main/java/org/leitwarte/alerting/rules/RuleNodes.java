package org.leitwarte.alerting.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What the rule reader needs from SnakeYAML nodes beyond {@link org.leitwarte.config.YamlMap}: the node
 * behind a key (for the style and extent of an expression, to point inside it), the keys of a mapping,
 * whether a value is a scalar or a mapping, and values YAML read as tags.
 */
final class RuleNodes {

  private RuleNodes() {}

  static int lineOf(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** The value of {@code key}, following merge keys ({@code <<: *defaults}) as YamlMap does. */
  static Optional<Node> value(MappingNode mapping, String key) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode scalar && !Tag.MERGE.equals(scalar.getTag())
          && scalar.getValue().equals(key)) {
        return Optional.of(tuple.getValueNode());
      }
    }
    for (Node merged : merges(mapping)) {
      Optional<Node> value = value(merged, key);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private static Optional<Node> value(Node merged, String key) {
    return merged instanceof MappingNode mapping ? value(mapping, key) : Optional.empty();
  }

  static Optional<ScalarNode> scalar(MappingNode mapping, String key) {
    return value(mapping, key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
  }

  static Optional<MappingNode> mapping(MappingNode mapping, String key) {
    return value(mapping, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
  }

  /** The plain keys of a mapping, its own first, then merged ones, in file order. */
  static Set<String> keys(MappingNode mapping) {
    Set<String> keys = new LinkedHashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode scalar && !Tag.MERGE.equals(scalar.getTag())) {
        keys.add(scalar.getValue());
      }
    }
    for (Node merged : merges(mapping)) {
      if (merged instanceof MappingNode nested) {
        keys.addAll(keys(nested));
      }
    }
    return keys;
  }

  private static List<Node> merges(MappingNode mapping) {
    List<Node> merged = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
        Node source = tuple.getValueNode();
        merged.addAll(source instanceof SequenceNode sequence ? sequence.getValue() : List.of(source));
      }
    }
    return merged;
  }

  /**
   * Scalars that YAML read as a local tag, such as an unquoted {@code tenant: !=test} (a tag {@code
   * !=test} on an empty value): reported, because the matcher would silently compare with "".
   */
  static void localTags(Node node, List<ScalarNode> found) {
    if (node instanceof ScalarNode scalar) {
      if (scalar.getTag().getValue().startsWith("!")) {
        found.add(scalar);
      }
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        localTags(tuple.getKeyNode(), found);
        localTags(tuple.getValueNode(), found);
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> localTags(item, found));
    }
  }
}
