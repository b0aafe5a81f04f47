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
        section.get().problem(name,
            "annotation name '" + name + "' must start with a-z or _ and hold only a-z, 0-9 and _");
        continue;
      }
      Optional<Node> value = RuleNodes.value(sectionNode.get(), name);
      Optional<Annotations.Annotation> annotation = value.isPresent() && value.get() instanceof MappingNode languages
          ? translated(section.get(), name, languages)
          : german(section.get(), sectionNode.get(), name);
      annotation.ifPresent(annotations::add);
    }
    return new Annotations(annotations);
  }

  /** {@code summary: {de: …, en: …}}. */
  private Optional<Annotations.Annotation> translated(YamlMap section, String name, MappingNode languages) {
    YamlMap translations = section.map(name);
    String de = translations.string(Annotations.DE);
    Optional<String> en = translations.optionalString(Annotations.EN);
    Optional<Template> deTemplate = template(de, translations, languages, Annotations.DE, name + ".de");
    Optional<Template> enTemplate =
        en.flatMap(source -> template(source, translations, languages, Annotations.EN, name + ".en"));
    if (deTemplate.isEmpty() || en.isPresent() != enTemplate.isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new Annotations.Annotation(name, de, deTemplate.get(), en, enTemplate));
  }

  /** {@code summary: "…"}: German only. */
  private Optional<Annotations.Annotation> german(YamlMap section, MappingNode sectionNode, String name) {
    String de = section.string(name);
    return template(de, section, sectionNode, name, name)
        .map(template -> new Annotations.Annotation(name, de, template, Optional.empty(), Optional.empty()));
  }

  /**
   * Checks and compiles the template under {@code key} of {@code owner}; empty (after reporting) when
   * it cannot be used.
   */
  private Optional<Template> template(String source, YamlMap owner, MappingNode ownerNode, String key, String label) {
    if (source == null) {
      return Optional.empty();
    }
    // Without a known measurement the rule is refused anyway; its templates are not worth checking.
    Optional<Templates.Issue> issue = scope.flatMap(s -> Templates.check(source, s));
    if (issue.isPresent()) {
      int line = RuleNodes.scalar(ownerNode, key)
          .map(scalar -> text.line(scalar, issue.get().line(), 0))
          .orElse(owner.line(key));
      problems.add(text.name(), line, rule.where() + ": annotations." + label + ": " + issue.get().message());
      return Optional.empty();
    }
    return Templates.compile(source);
  }
}
