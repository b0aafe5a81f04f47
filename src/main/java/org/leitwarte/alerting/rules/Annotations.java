package org.leitwarte.alerting.rules;

import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.Rule;

/**
 * A rule's compiled annotation templates (Mustache), each in German and optionally in English. Missing
 * variables were refused at load; at run time a label or field a particular sample lacks renders as
 * empty text, so a notification always goes out.
 */
final class Annotations implements Rule.Annotations {

  static final String DE = "de";
  static final String EN = "en";

  /** One annotation: its name ({@code summary}), German template and optional English one. */
  record Annotation(String name, String sourceDe, Template de, Optional<String> sourceEn, Optional<Template> en) {}

  private final List<Annotation> annotations;

  Annotations(List<Annotation> annotations) {
    this.annotations = List.copyOf(annotations);
  }

  static Annotations none() {
    return new Annotations(List.of());
  }

  @Override
  public Map<String, String> render(String language, Rule.AnnotationContext context) {
    Map<String, String> rendered = new LinkedHashMap<>();
    Map<String, Object> variables = variables(language, context);
    for (Annotation annotation : annotations) {
      boolean english = EN.equals(language) && annotation.en().isPresent();
      Template template = english ? annotation.en().get() : annotation.de();
      try {
        rendered.put(annotation.name(), template.execute(variables));
      } catch (RuntimeException e) {
        // Checked at load; should it still fail, the template as written beats no text at all.
        rendered.put(annotation.name(), english ? annotation.sourceEn().get() : annotation.sourceDe());
      }
    }
    return rendered;
  }

  /**
   * What a template sees: {@code labels}, {@code fields} (decimals formatted for the language),
   * {@code value} (formatted; absent when the rule has none or it could not be computed), {@code
   * severity} and {@code since} (ISO-8601, UTC).
   */
  static Map<String, Object> variables(String language, Rule.AnnotationContext context) {
    Map<String, Object> fields = new HashMap<>();
    context.fields().forEach((name, value) ->
        fields.put(name, value instanceof Double number ? Numbers.format(number, language) : value));
    Map<String, Object> variables = new HashMap<>();
    variables.put("labels", context.labels());
    variables.put("fields", fields);
    if (context.value().isPresent()) {
      variables.put("value", Numbers.format(context.value().getAsDouble(), language));
    }
    variables.put("severity", context.severity().label());
    variables.put("since", context.activeSince().toString());
    return variables;
  }
}
