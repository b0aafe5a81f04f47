package org.leitwarte.alerting.silence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.leitwarte.alerting.Matcher;

/**
 * Label matchers as stored and shown: a JSON array of {@code {"name": "device", "op": "=", "value":
 * "wr-router"}}.
 */
public final class MatcherJson {

  private MatcherJson() {}

  public static JsonArray toJson(List<Matcher> matchers) {
    JsonArray array = new JsonArray();
    for (Matcher matcher : matchers) {
      array.add(new JsonObject().put("name", matcher.name()).put("op", matcher.op().symbol()).put("value", matcher.value()));
    }
    return array;
  }

  /**
   * @throws IllegalArgumentException naming the entry that is not a matcher
   */
  public static List<Matcher> fromJson(JsonArray array) {
    List<Matcher> matchers = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject entry = array.getJsonObject(i);
      String symbol = entry.getString("op", "");
      Matcher.Op op = null;
      for (Matcher.Op candidate : Matcher.Op.values()) {
        if (candidate.symbol().equals(symbol)) {
          op = candidate;
        }
      }
      if (op == null || entry.getString("name") == null || entry.getString("value") == null) {
        throw new IllegalArgumentException("matchers[" + i + "]: expected {name, op (= != =~ !~), value}, got " + entry.encode());
      }
      matchers.add(Matcher.of(entry.getString("name"), op, entry.getString("value")));
    }
    return List.copyOf(matchers);
  }

  /** The matchers as people write them: {@code device="wr-router"}, for audit entries and messages. */
  public static JsonArray toText(List<Matcher> matchers) {
    return new JsonArray(matchers.stream().map(Object::toString).map(Object.class::cast).toList());
  }
}
