package org.leitwarte.alerting.ruletest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What the test-file reader needs from SnakeYAML beyond {@link org.leitwarte.config.YamlMap}: the node
 * tree (a maintenance schedule is handed to {@code ScheduleFormat} as plain maps), the keys of a mapping,
 * and the node behind a key.
 */
final class Nodes {

  private Nodes() {}

  /** The top-level mapping of a file; empty when it is not readable YAML or not a mapping. */
  static Optional<MappingNode> compose(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      return root instanceof MappingNode mapping ? Optional.of(mapping) : Optional.empty();
    } catch (IOException | YAMLException e) {
      return Optional.empty();
    }
  }

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
      if (merged instanceof MappingNode nested) {
        Optional<Node> value = value(nested, key);
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return Optional.empty();
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

  /** The items of a list; empty for anything else. */
  static List<Node> items(Node node) {
    return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
  }

  /** The node as plain maps, lists, strings, numbers and dates, as {@code new Yaml().load} gives them. */
  static Object plain(Node node) {
    return new PlainConstructor().construct(node);
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

  private static final class PlainConstructor extends SafeConstructor {

    PlainConstructor() {
      super(new LoaderOptions());
    }

    Object construct(Node node) {
      return constructDocument(node);
    }
  }
}
