package org.leitwarte.web;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as the API answers it: {@code {"error": {"code": "invalid_request", "message": "author:
 * missing", "field": "author"}}}, with its HTTP status.
 *
 * @param field the request field to blame, as a path ({@code matchers[0].op}); empty when none is
 */
record ApiError(int status, String code, String message, Optional<String> field) {

  static final String INVALID_REQUEST = "invalid_request";
  static final String MALFORMED_JSON = "malformed_json";
  static final String NOT_FOUND = "not_found";
  static final String UNAUTHENTICATED = "unauthenticated";
  static final String FORBIDDEN = "forbidden";
  static final String CONFLICT = "conflict";
  static final String UNAVAILABLE = "unavailable";
  static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  static final String INTERNAL_ERROR = "internal_error";

  ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    field = field.filter(name -> !name.isEmpty());
  }

  static ApiError invalid(String field, String problem) {
    return new ApiError(400, INVALID_REQUEST, field.isEmpty() ? problem : field + ": " + problem, Optional.of(field));
  }

  static ApiError internal() {
    return new ApiError(500, INTERNAL_ERROR, "internal error; the server log has the details", Optional.empty());
  }

  JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", message);
    field.ifPresent(name -> error.put("field", name));
    return new JsonObject().put("error", error);
  }
}
