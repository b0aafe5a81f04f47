package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.silence.MatcherJson;
import org.leitwarte.alerting.silence.Silence;
import org.leitwarte.alerting.silence.SilenceRequest;
import org.leitwarte.config.Durations;

/** Silences as the API shows them and reads them (the Silence and NewSilence schemas of the document). */
final class SilenceJson {

  private SilenceJson() {}

  static JsonObject silences(List<Silence> silences, Instant now) {
    JsonArray array = new JsonArray();
    silences.forEach(silence -> array.add(silence(silence, now)));
    return new JsonObject().put("silences", array);
  }

  static JsonObject silence(Silence silence, Instant now) {
    return new JsonObject()
        .put("id", silence.id())
        .put("matchers", MatcherJson.toJson(silence.matchers()))
        .put("starts_at", silence.startsAt().toString())
        .put("ends_at", silence.endsAt().toString())
        .put("author", silence.author())
        .put("comment", silence.comment())
        .put("created_at", silence.createdAt().toString())
        .put("expired_at", silence.expiredAt().map(Instant::toString).orElse(null))
        .put("state", state(silence, now));
  }

  private static String state(Silence silence, Instant now) {
    if (silence.isOver(now)) {
      return "expired";
    }
    return silence.isActive(now) ? "active" : "pending";
  }

  /** @throws InvalidInputException naming the field */
  static SilenceRequest request(JsonObject body) {
    return new SilenceRequest(
        MatcherBodies.read(body.getJsonArray("matchers"), "matchers"),
        instant(body, "starts_at"),
        instant(body, "ends_at"),
        duration(body),
        body.getString("comment", ""));
  }

  static Optional<Instant> instant(JsonObject body, String field) {
    String text = body.getString(field);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "'" + text + "' is not a date-time with offset, e.g. 2026-03-10T22:00:00+01:00");
    }
  }

  private static Optional<Duration> duration(JsonObject body) {
    String text = body.getString("duration");
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Durations.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("duration", e.getMessage());
    }
  }
}
