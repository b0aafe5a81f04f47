package org.leitwarte.alerting.history;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API request asks for is wrong: {@code ends_at: must be after starts_at}. Names the request
 * field to blame, as a path ({@code matchers[0].value}, {@code schedule.times[0].end}); empty when the
 * request as a whole is wrong.
 */
public final class InvalidInputException extends IllegalArgumentException {

  private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\[\\]]*): (.*)", Pattern.DOTALL);
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field.isEmpty() ? problem : field + ": " + problem);
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }

  /**
   * The refusal of a value type or repository ({@code expiredAt: …}, {@code author: must not be blank})
   * as the API's refusal, its field in the API's snake_case ({@code expired_at}).
   */
  public static InvalidInputException from(IllegalArgumentException refusal) {
    if (refusal instanceof InvalidInputException invalid) {
      return invalid;
    }
    String message = String.valueOf(refusal.getMessage());
    Matcher matcher = FIELD_PREFIX.matcher(message);
    if (!matcher.matches()) {
      return new InvalidInputException("", message);
    }
    return new InvalidInputException(snakeCase(matcher.group(1)), matcher.group(2));
  }

  private static String snakeCase(String name) {
    return CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
