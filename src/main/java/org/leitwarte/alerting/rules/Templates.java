package org.leitwarte.alerting.rules;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.Severity;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.Suggestions;

/**
 * Compiles annotation templates and checks them at load: a template is rendered strictly against a
 * made-up alert that has every label and field an alert of its rule can have, so a reference to
 * something that can never exist, or broken syntax, is refused with its line instead of rendering
 * empty text in a notification at three in the morning.
 *
 * <p>The labels an alert of a rule surely or possibly has: the common tags, the measurement's tags,
 * the rule's own labels, {@code alertname}, {@code severity}, and every label the rule's {@code
 * match:} names. Other device labels are free-form, so a template can show one only inside a section
 * that tests for it: {@code {{#labels.service}}Dienst {{labels.service}}{{/labels.service}}}.
 */
final class Templates {

  static final List<String> VARIABLES = List.of("labels", "fields", "value", "severity", "since");

  /**
   * HTML escaping off: annotations are plain text, the web UI escapes what it shows. An empty string
   * counts as absent in a section, so {@code {{#fields.alias}}({{fields.alias}}){{/fields.alias}}} shows
   * nothing for an interface without a description.
   */
  private static final Mustache.Compiler STRICT = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);

  private static final Mustache.Compiler LENIENT = STRICT.defaultValue("");

  /** How jmustache ends a message with the template line: {@code … @ line 3} or {@code … on line 3}. */
  private static final Pattern AT_LINE = Pattern.compile(" (?:@|on) line (\\d+)$");

  /** A problem in a template, {@code line} counted from 1 within it. */
  record Issue(int line, String message) {}

  /** What the templates of one rule may refer to. */
  record Scope(Schema.Measurement measurement, Set<String> labels, boolean hasValue) {}

  private Templates() {}

  /** The template for run time, or empty when it cannot even be compiled. */
  static Optional<Template> compile(String source) {
    try {
      return Optional.of(LENIENT.compile(source));
    } catch (MustacheException e) {
      return Optional.empty();
    }
  }

  /** Everything wrong with a template in this scope; empty when it is fine. */
  static Optional<Issue> check(String source, Scope scope) {
    Template strict;
    try {
      strict = STRICT.compile(source);
    } catch (MustacheException e) {
      return Optional.of(new Issue(lineIn(e.getMessage()), "template syntax error: " + withoutLine(e.getMessage())));
    }
    Optional<Issue> section = checkSections(strict, scope);
    if (section.isPresent()) {
      return section;
    }
    String rendered;
    try {
      rendered = strict.execute(Annotations.variables(Annotations.DE, synthetic(scope)));
    } catch (MustacheException.Context e) {
      return Optional.of(new Issue(Math.max(1, e.lineNo), unknown(e.key, scope)));
    } catch (MustacheException e) {
      return Optional.of(new Issue(1, "template error: " + withoutLine(e.getMessage())));
    }
    // jmustache leaves an unclosed "{{" as text; nobody means to send that.
    int open = rendered.indexOf("{{");
    if (open >= 0) {
      return Optional.of(new Issue(1 + (int) rendered.substring(0, open).chars().filter(c -> c == '\n').count(),
          "template syntax error: '{{' is never closed with '}}'"));
    }
    return Optional.empty();
  }

  /**
   * Sections are not rendered when their value is missing, so the strict render does not see inside
   * them: check their names here. A section on any {@code labels.X} is allowed (that is how optional
   * device labels are shown).
   */
  private static Optional<Issue> checkSections(Template template, Scope scope) {
    List<String> problems = new ArrayList<>();
    template.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {}

      @Override
      public void visitVariable(String name) {}

      @Override
      public boolean visitInclude(String name) {
        problems.add("templates cannot include other templates ({{>" + name + "}})");
        return false;
      }

      @Override
      public boolean visitSection(String name) {
        checkSection(name, scope).ifPresent(problems::add);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String name) {
        return visitSection(name);
      }
    });
    return problems.stream().findFirst().map(message -> new Issue(1, message));
  }

  private static Optional<String> checkSection(String name, Scope scope) {
    if (name.startsWith("labels.") || name.equals("labels") || name.equals("fields")) {
      return Optional.empty();
    }
    if (name.startsWith("fields.") && scope.measurement().fields().containsKey(name.substring(7))) {
      return Optional.empty();
    }
    if (VARIABLES.contains(name) && (scope.hasValue() || !name.equals("value"))) {
      return Optional.empty();
    }
    return Optional.of(unknown(name, scope));
  }

  private static String unknown(String key, Scope scope) {
    if (key.startsWith("labels.")) {
      String label = key.substring(7);
      String hint = Suggestions.closest(label, scope.labels()).map(l -> "did you mean '" + l + "'? ").orElse("");
      return "{{" + key + "}}: no alert of this rule is sure to have label '" + label + "' (" + hint
          + "known: " + String.join(", ", new TreeSet<>(scope.labels())) + "); name it in match:, or show it"
          + " only when present: {{#" + key + "}}…{{/" + key + "}}";
    }
    if (key.startsWith("fields.")) {
      String field = key.substring(7);
      String hint = Suggestions.closest(field, scope.measurement().fields().keySet())
          .map(f -> " (did you mean '" + f + "'?)").orElse("");
      return "{{" + key + "}}: measurement '" + scope.measurement().name() + "' has no field '" + field + "'" + hint;
    }
    if (key.equals("value")) {
      return "{{value}}: the rule has no value: expression to show";
    }
    String hint = Suggestions.closest(key, VARIABLES).map(v -> "did you mean '" + v + "'? ").orElse("");
    return "{{" + key + "}}: unknown variable (" + hint + "known: " + String.join(", ", VARIABLES) + ")";
  }

  /** An alert with every label and field the scope allows, each with a plausible value. */
  private static Rule.AnnotationContext synthetic(Scope scope) {
    Map<String, String> labels = new LinkedHashMap<>();
    scope.labels().forEach(label -> labels.put(label, label));
    Map<String, Object> fields = new LinkedHashMap<>();
    scope.measurement().fields().forEach((field, type) -> fields.put(field, switch (type) {
      case INTEGER -> 1L;
      case FLOAT -> 1.5;
      case STRING -> field;
      case BOOLEAN -> true;
    }));
    OptionalDouble value = scope.hasValue() ? OptionalDouble.of(1.5) : OptionalDouble.empty();
    return new Rule.AnnotationContext(labels, fields, value, Severity.WARNING, Instant.EPOCH);
  }

  private static int lineIn(String message) {
    Matcher matcher = AT_LINE.matcher(message == null ? "" : message);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
  }

  private static String withoutLine(String message) {
    return message == null ? "invalid template" : AT_LINE.matcher(message).replaceAll("");
  }
}
