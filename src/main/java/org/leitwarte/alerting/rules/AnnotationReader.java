package org.leitwarte.alerting.rules;

import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leitwarte.config.Problems;
import org.leitwarte.config.YamlMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code annotations:}: name to template, where a template is either a string (German) or
 * {@code {de: …, en: …}} (German required, English optional). Every template is checked against what
 * the rule's alerts can have ({@link Templates}).
 */
final class AnnotationReader {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final FileText text;
  private final YamlMap rule;
  private final MappingNode node;
  private final Optional<Templates.Scope> scope;
  private final Problems problems;

  /** @param scope empty when the measurement is unknown */
  AnnotationReader(FileText text, YamlMap rule, MappingNode node, Optional<Templates.Scope> scope, Problems problems) {
    this.text = text;
    this.rule = rule;
    this.node = node;
    this.scope = scope;
    this.problems = problems;
  }

  Annotations read() {
    Optional<YamlMap> section = rule.optionalMap("annotations");
    Optional<MappingNode> sectionNode = RuleNodes.mapping(node, "annotations");
    if (section.isEmpty() || sectionNode.isEmpty()) {
      return Annotations.none();
    }
    List<Annotations.Annotation> annotations = new ArrayList<>();
    for (String name : RuleNodes.keys(sectionNode.get())) {
      if (!NAME.matcher(name).matches()) {
        section.get().problem(name, "annotation name '" + name + "' must start with a-z or _ and hold only a-z, 0-9 and _");
        continue;
      }
      Optional<Node> value = RuleNodes.value(sectionNode.get(), name);
      if (value.isPresent() && value.get() instanceof MappingNode languages) {
        YamlMap translations = section.get().map(name);
        String de = translations.string(Annotations.DE);
        Optional<String> en = translations.optionalString(Annotations.EN);
        Optional<Template> deTemplate = template(de, RuleNodes.scalar(languages, Annotations.DE), translations.line(Annotations.DE), name + "." + Annotations.DE);
        Optional<Template> enTemplate = en.flatMap(source -> template(source, RuleNodes.scalar(languages, Annotations.EN), translations.line(Annotations.EN), name + "." + Annotations.EN));
        if (deTemplate.isPresent() && en.isPresent() == enTemplate.isPresent()) {
          annotations.add(new Annotations.Annotation(name, de, deTemplate.get(), en, enTemplate));
        }
      } else {
        String de = section.get().string(name);
        template(de, value.filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast), section.get().line(name), name)
            .ifPresent(template -> annotations.add(new Annotations.Annotation(name, de, template, Optional.empty(), Optional.empty())));
      }
    }
    return new Annotations(annotations);
  }

  /** Checks and compiles one template; empty (after reporting) when it cannot be used. */
  private Optional<Template> template(String source, Optional<ScalarNode> scalar, int line, String key) {
    if (source == null) {
      return Optional.empty();
    }
    // Without a known measurement the rule is refused anyway; its templates are not worth checking.
    Optional<Templates.Issue> issue = scope.flatMap(s -> Templates.check(source, s));
    if (issue.isPresent()) {
      int at = scalar.map(s -> text.line(s, issue.get().line(), 0)).orElse(line);
      problems.add(text.name(), at, rule.where() + ": annotations." + key + ": " + issue.get().message());
      return Optional.empty();
    }
    return Templates.compile(source);
  }
}
