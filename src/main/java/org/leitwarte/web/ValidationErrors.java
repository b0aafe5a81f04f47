package org.leitwarte.web;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.leitwarte.config.Suggestions;

/**
 * Turns a refusal of the OpenAPI validation into our error, naming the field to blame as a path
 * ({@code matchers[0].op}) and saying what is wrong in words: {@code matchers[0].op: must be one of "=",
 * "!=", "=~", "!~"}, {@code foo: unknown field (known: …)}, {@code author: missing}.
 */
final class ValidationErrors {

  /** Keywords that only say that something inside failed; the error that explains is deeper. */
  private static final Set<String> STRUCTURAL = Set.of(
      "properties", "items", "prefixItems", "$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf", "oneOf",
      "additionalProperties", "patternProperties", "unevaluatedProperties");
  private static final Pattern PARAMETER = Pattern.compile("(?:query|path|header|cookie) parameter ([^\\s.]+)");
  private static final Pattern REQUIRED = Pattern.compile("required property \"(.*)\"");
  private static final Pattern PROPERTY = Pattern.compile("Property \"(.*)\" does not match additional properties schema");
  private static final Pattern ENUM = Pattern.compile("Instance does not match any of \\[(.*)]");
  private static final Pattern TYPE = Pattern.compile("Instance type (\\S+) is invalid\\. Expected (.+)");
  private static final Pattern TOO_SHORT = Pattern.compile("String is too short \\(\\d+ < (\\d+)\\)");
  private static final Pattern TOO_LONG = Pattern.compile("String is too long \\(\\d+ > (\\d+)\\)");
  private static final Pattern TOO_FEW = Pattern.compile("Array has too few items \\(.*< (\\d+)\\)");
  private static final Pattern TOO_MANY = Pattern.compile("Array has too many items \\(.*> (\\d+)\\)");
  private static final Pattern LESS = Pattern.compile("(.+) is less than (or equal to )?(.+)");
  private static final Pattern GREATER = Pattern.compile("(.+) is greater than (or equal to )?(.+)");
  private static final Pattern FORMAT = Pattern.compile("String does not match format \"(.+)\"");

  private final RequestSchemas schemas;

  ValidationErrors(RequestSchemas schemas) {
    this.schemas = schemas;
  }

  /** @param operation the operation refused, to name the fields a body may have; null when unknown */
  ApiError of(ValidatorException refusal, Operation operation) {
    String message = String.valueOf(refusal.getMessage());
    boolean aboutBody = message.contains("request body") || message.contains("required body");
    if (refusal.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT && aboutBody) {
      return new ApiError(415, ApiError.UNSUPPORTED_MEDIA_TYPE,
          "send the body as application/json (Content-Type: application/json)", Optional.empty());
    }
    if (refusal.type() == ValidatorErrorType.ILLEGAL_VALUE && aboutBody) {
      return new ApiError(400, ApiError.MALFORMED_JSON, "the request body is not valid JSON", Optional.empty());
    }
    if (refusal.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER && message.contains("required body")) {
      return ApiError.invalid("", "the request needs a JSON body");
    }
    Matcher parameter = PARAMETER.matcher(message);
    if (!aboutBody && parameter.find()) {
      String name = parameter.group(1);
      if (refusal.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
        return ApiError.invalid(name, "missing");
      }
      return refusal instanceof SchemaValidationException schema
          ? explain(schema.getOutputUnit(), name, operation)
          : ApiError.invalid(name, "is not in the form the API describes");
    }
    if (refusal instanceof SchemaValidationException schema) {
      return explain(schema.getOutputUnit(), "", operation);
    }
    return ApiError.invalid("", message);
  }

  private ApiError explain(OutputUnit result, String parameter, Operation operation) {
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    Set<String> failedProperties = errors.stream()
        .filter(error -> keyword(error).equals("properties"))
        .map(OutputUnit::getInstanceLocation)
        .collect(Collectors.toSet());
    Optional<OutputUnit> explaining = errors.stream().filter(error -> !STRUCTURAL.contains(keyword(error))).findFirst();
    if (explaining.isEmpty()) {
      // additionalProperties also reports declared properties whose own value failed; a field is unknown
      // only when no properties error stands beside it.
      Optional<OutputUnit> unknown = errors.stream()
          .filter(error -> keyword(error).equals("additionalProperties"))
          .filter(error -> !failedProperties.contains(error.getInstanceLocation()))
          .findFirst();
      if (unknown.isPresent()) {
        return unknownField(unknown.get(), operation);
      }
      explaining = errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(errors.size() - 1));
    }
    if (explaining.isEmpty()) {
      return ApiError.invalid(parameter, "does not match the API description");
    }
    OutputUnit error = explaining.get();
    String field = parameter.isEmpty() ? field(pointer(error.getInstanceLocation())) : parameter;
    String text = String.valueOf(error.getError());
    Matcher required = REQUIRED.matcher(text);
    if (required.find()) {
      return ApiError.invalid(join(field, required.group(1)), "missing");
    }
    if (field.isEmpty() && parameter.isEmpty()) {
      return ApiError.invalid("", "the request body " + words(text));
    }
    return ApiError.invalid(field, words(text));
  }

  private ApiError unknownField(OutputUnit error, Operation operation) {
    List<String> path = pointer(error.getInstanceLocation());
    Matcher property = PROPERTY.matcher(String.valueOf(error.getError()));
    String name = property.find() ? property.group(1) : path.isEmpty() ? "" : path.get(path.size() - 1);
    List<String> known = operation == null ? List.of() : schemas.knownFields(operation, path.subList(0, Math.max(0, path.size() - 1)));
    String hint = known.isEmpty() ? ""
        : Suggestions.closest(name, known).map(s -> " (did you mean " + s + "?)").orElse("") + "; known: " + String.join(", ", known);
    return ApiError.invalid(field(path), "unknown field" + hint);
  }

  /** The library's wording, in the words of our other messages. */
  static String words(String text) {
    Matcher matcher;
    if ((matcher = ENUM.matcher(text)).matches()) {
      return "must be one of " + matcher.group(1).replace(",", ", ");
    }
    if ((matcher = TYPE.matcher(text)).matches()) {
      return "must be " + article(matcher.group(2)) + ", got " + article(matcher.group(1));
    }
    if ((matcher = TOO_SHORT.matcher(text)).matches()) {
      return matcher.group(1).equals("1") ? "must not be empty" : "must have at least " + matcher.group(1) + " characters";
    }
    if ((matcher = TOO_LONG.matcher(text)).matches()) {
      return "must have at most " + matcher.group(1) + " characters";
    }
    if ((matcher = TOO_FEW.matcher(text)).matches()) {
      return "needs at least " + matcher.group(1) + (matcher.group(1).equals("1") ? " entry" : " entries");
    }
    if ((matcher = TOO_MANY.matcher(text)).matches()) {
      return "may have at most " + matcher.group(1) + " entries";
    }
    if ((matcher = LESS.matcher(text)).matches()) {
      return "must be at least " + matcher.group(3) + (matcher.group(2) == null ? "" : " (exclusive)") + ", got " + matcher.group(1);
    }
    if ((matcher = GREATER.matcher(text)).matches()) {
      return "must be at most " + matcher.group(3) + (matcher.group(2) == null ? "" : " (exclusive)") + ", got " + matcher.group(1);
    }
    if ((matcher = FORMAT.matcher(text)).matches()) {
      return matcher.group(1).equals("date-time")
          ? "must be a date-time with offset, e.g. 2026-03-10T22:00:00+01:00"
          : "must be in the format " + matcher.group(1);
    }
    return text;
  }

  private static String article(String type) {
    return switch (type) {
      case "object", "array", "integer" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  /** The last segment of an error's keyword location: {@code enum}, {@code required}, {@code properties}. */
  private static String keyword(OutputUnit error) {
    String location = String.valueOf(error.getKeywordLocation());
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** {@code #/matchers/0/op} as its segments. */
  static List<String> pointer(String instanceLocation) {
    String location = instanceLocation == null ? "" : instanceLocation;
    if (location.startsWith("#")) {
      location = location.substring(1);
    }
    List<String> segments = new ArrayList<>();
    for (String segment : location.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return segments;
  }

  /** Segments as a field path: {@code matchers[0].op}. */
  static String field(List<String> segments) {
    StringBuilder field = new StringBuilder();
    for (String segment : segments) {
      if (segment.chars().allMatch(Character::isDigit)) {
        field.append('[').append(segment).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(segment);
      }
    }
    return field.toString();
  }

  private static String join(String field, String name) {
    return field.isEmpty() ? name : field + "." + name;
  }
}
