package org.leitwarte.alerting.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.Suggestions;

/**
 * Compiles rule expressions with CEL against one measurement: one variable per field with its schema
 * type, {@code labels} (map of string to string) and {@code previous} (the previous sample's fields,
 * map of string to dyn). Type errors surface here, at load, not when a sample arrives.
 */
final class CelEnvironment {

  /** {@code util_in_pct > 90} works without writing {@code 90.0}: compiler and runtime agree on this. */
  static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  private static final Pattern OPERATOR = Pattern.compile("'_?([^'_a-z]+)_?'");
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'.*");

  /** A problem in an expression: {@code line} counts from 1 inside the expression, {@code column} from 0. */
  record Issue(int line, int column, String message) {}

  /** A compiled expression with its result type, or what is wrong with it. */
  /** @param usesPrevious whether the expression reads {@code previous} (the evaluator keeps it only then) */
  record Compilation(Optional<CelRuntime.Program> program, CelKind resultKind, List<Issue> issues, boolean usesPrevious) {}

  private final Map<String, CelCompiler> compilers = new HashMap<>();

  Compilation compile(Schema.Measurement measurement, String expression) {
    CelValidationResult result = compiler(measurement).compile(expression);
    if (result.hasError()) {
      return failed(result.getErrors().stream().map(issue -> issue(measurement, expression, issue)).toList());
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      boolean usesPrevious = ast.getReferenceMap().values().stream()
          .anyMatch(reference -> reference.name().equals(SampleVariables.PREVIOUS));
      return new Compilation(Optional.of(RUNTIME.createProgram(ast)), ast.getResultType().kind(), List.of(), usesPrevious);
    } catch (CelValidationException | CelEvaluationException e) {
      return failed(List.of(new Issue(1, 0, e.getMessage())));
    }
  }

  private static Compilation failed(List<Issue> issues) {
    return new Compilation(Optional.empty(), CelKind.ERROR, issues, false);
  }

  private CelCompiler compiler(Schema.Measurement measurement) {
    return compilers.computeIfAbsent(measurement.name(), name -> {
      var builder = CelCompilerFactory.standardCelCompilerBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar(SampleVariables.LABELS, MapType.create(SimpleType.STRING, SimpleType.STRING))
          .addVar(SampleVariables.PREVIOUS, MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar(SampleVariables.DEVICE_DOWN, SimpleType.BOOL)
          .addVar(SampleVariables.DEVICE_PINGED, SimpleType.BOOL);
      measurement.fields().forEach((field, type) -> builder.addVar(field, celType(type)));
      return builder.build();
    });
  }

  static CelType celType(Schema.FieldType type) {
    return switch (type) {
      case INTEGER -> SimpleType.INT;
      case FLOAT -> SimpleType.DOUBLE;
      case STRING -> SimpleType.STRING;
      case BOOLEAN -> SimpleType.BOOL;
    };
  }

  /** The names of CEL's types as a user reads them in messages. */
  static String typeName(CelKind kind) {
    return switch (kind) {
      case INT -> "an int";
      case UINT -> "a uint";
      case DOUBLE -> "a double";
      case STRING -> "a string";
      case BOOL -> "a bool";
      case LIST -> "a list";
      case MAP -> "a map";
      case NULL_TYPE -> "null";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * CEL's message, made to read well in a rule file: an undeclared name becomes "no such field" with a
   * suggestion, operators read as written ({@code '=='} rather than {@code '_==_'}), and the long list
   * of overload candidates is left out.
   */
  private static Issue issue(Schema.Measurement measurement, String expression, CelIssue issue) {
    String message = issue.getMessage();
    Matcher undeclared = UNDECLARED.matcher(message);
    if (undeclared.matches()) {
      message = undeclared(measurement, expression, undeclared.group(1));
    } else {
      int candidates = message.indexOf(" (candidates:");
      if (candidates > 0) {
        message = message.substring(0, candidates);
      }
      message = OPERATOR.matcher(message.replace("'_[_]'", "'[]'").replace("'_?_:_'", "'? :'")).replaceAll("'$1'");
    }
    var location = issue.getSourceLocation();
    return new Issue(Math.max(1, location.getLine()), Math.max(0, location.getColumn()), message);
  }

  private static String undeclared(Schema.Measurement measurement, String expression, String name) {
    if (Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(expression).find()) {
      return "unknown function '" + name + "'";
    }
    Set<String> fields = measurement.fields().keySet();
    String hint = Suggestions.closest(name, fields).map(f -> " (did you mean '" + f + "'?)").orElse("");
    String tagHint =
        measurement.allTags().contains(name) ? " ('" + name + "' is a tag: write labels." + name + ")" : "";
    return "measurement '" + measurement.name() + "' has no field '" + name + "'" + hint + tagHint;
  }
}
