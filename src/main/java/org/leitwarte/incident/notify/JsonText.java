package org.leitwarte.incident.notify;

/** Escaping for text placed inside a JSON string literal (templates that produce JSON). */
final class JsonText {

  private JsonText() {}

  static String escape(String raw) {
    StringBuilder escaped = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\b' -> escaped.append("\\b");
        case '\f' -> escaped.append("\\f");
        default -> {
          // U+2028/2029 are legal JSON but break JavaScript receivers; escape them with the controls.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
