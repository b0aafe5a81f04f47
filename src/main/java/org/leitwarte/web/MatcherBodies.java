package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.history.InvalidInputException;

/**
 * Label matchers in request bodies: a list of {@code {"name": "device", "op": "=", "value": "wr-router"}}
 * (the form they are stored and shown in). The document has checked the shape; this checks the regular
 * expressions.
 */
final class MatcherBodies {

  private MatcherBodies() {}

  /** @throws InvalidInputException naming the entry, e.g. {@code matchers[1].value} */
  static List<Matcher> read(JsonArray array, String field) {
    if (array == null) {
      throw new InvalidInputException(field, "missing");
    }
    List<Matcher> matchers = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject entry = array.getJsonObject(i);
      String where = field + "[" + i + "]";
      Matcher.Op op = op(entry.getString("op"), where + ".op");
      try {
        matchers.add(Matcher.of(entry.getString("name"), op, entry.getString("value")));
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException(where + ".value", "not a regular expression: " + e.getDescription()
            + (e.getIndex() >= 0 ? " at position " + e.getIndex() : ""));
      }
    }
    return List.copyOf(matchers);
  }

  private static Matcher.Op op(String symbol, String field) {
    for (Matcher.Op op : Matcher.Op.values()) {
      if (op.symbol().equals(symbol)) {
        return op;
      }
    }
    throw new InvalidInputException(field, "must be one of \"=\", \"!=\", \"=~\", \"!~\", got \"" + symbol + "\"");
  }
}
