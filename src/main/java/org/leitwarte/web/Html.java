package org.leitwarte.web;

/** Plain server-rendered pages: text is always escaped, never markup. */
final class Html {

  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A whole page: heading, paragraph and optionally a one-button form posting to the same address.
   * Readable without styles, keyboard-usable, high contrast (BITV/WCAG basics).
   */
  static String page(String language, String title, String text, String button) {
    StringBuilder body = new StringBuilder().append("<p>").append(escape(text)).append("</p>\n");
    if (button != null) {
      body.append("<form method=\"post\"><button type=\"submit\">").append(escape(button)).append("</button></form>\n");
    }
    return document(language, title, body.toString());
  }

  /** A whole page around {@code body}, which must already be escaped markup. */
  static String document(String language, String title, String body) {
    return new StringBuilder(1024)
        .append("<!DOCTYPE html>\n<html lang=\"").append(escape(language)).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"robots\" content=\"noindex\">\n")
        .append("<title>").append(escape(title)).append(" – Leitwarte</title>\n")
        .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111;background:#fff;max-width:40rem}")
        .append("button{font-size:1.1rem;padding:.6rem 1.2rem;background:#0b4f9c;color:#fff;border:0;border-radius:4px}")
        .append("button:focus,input:focus{outline:3px solid #f0b400;outline-offset:2px}")
        .append("label{display:block;margin-top:1rem}input{font-size:1.1rem;padding:.4rem;width:100%;max-width:24rem}")
        .append("[role=alert]{color:#a00000;font-weight:bold}</style>\n")
        .append("</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n")
        .append(body)
        .append("</main>\n</body>\n</html>\n").toString();
  }
}
