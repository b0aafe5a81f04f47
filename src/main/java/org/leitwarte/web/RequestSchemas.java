package org.leitwarte.web;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the request-body schemas of the OpenAPI document, to tell a client which fields an object may
 * have when it sent one that it may not.
 */
final class RequestSchemas {

  private static final String LOCAL_REFERENCE = "#/";

  private final JsonObject document;

  /** @param document the document as parsed, its references as written or made absolute ({@code app:///#/…}) */
  RequestSchemas(JsonObject document) {
    this.document = document;
  }

  /** The fields the object at {@code path} in the body of {@code operation} may have, as declared; empty if unknown. */
  List<String> knownFields(Operation operation, List<String> path) {
    Optional<JsonObject> schema = Optional.ofNullable(document.getJsonObject("paths"))
        .map(paths -> paths.getJsonObject(operation.getOpenAPIPath()))
        .map(item -> item.getJsonObject(operation.getHttpMethod().name().toLowerCase(Locale.ROOT)))
        .map(op -> op.getJsonObject("requestBody"))
        .map(body -> body.getJsonObject("content"))
        .map(content -> content.getJsonObject("application/json"))
        .map(media -> media.getJsonObject("schema"));
    for (String segment : path) {
      schema = schema.map(this::resolved).flatMap(object -> Optional.ofNullable(
          segment.chars().allMatch(Character::isDigit)
              ? object.getJsonObject("items")
              : Optional.ofNullable(object.getJsonObject("properties")).map(p -> p.getJsonObject(segment)).orElse(null)));
    }
    return schema.map(this::resolved)
        .map(object -> object.getJsonObject("properties"))
        .map(properties -> List.copyOf(properties.fieldNames()))
        .orElse(List.of());
  }

  private JsonObject resolved(JsonObject schema) {
    JsonObject current = schema;
    for (int hops = 0; hops < 10 && current != null && current.containsKey("$ref"); hops++) {
      String reference = current.getString("$ref");
      int local = reference.indexOf(LOCAL_REFERENCE);
      if (local < 0) {
        return current;
      }
      JsonObject target = document;
      for (String segment : reference.substring(local + LOCAL_REFERENCE.length()).split("/")) {
        target = target == null ? null : target.getJsonObject(segment.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current == null ? new JsonObject() : current;
  }
}
