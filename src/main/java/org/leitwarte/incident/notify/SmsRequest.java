package org.leitwarte.incident.notify;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request to an SMS gateway, from notify.sms's {@code url} and {@code body} templates with
 * {@code {{phone}}} and {@code {{text}}}: URL-encoded in the URL; in the body escaped as the body's
 * Content-Type needs (JSON string, form field, or as is for anything else).
 */
final class SmsRequest {

  /** What an SMS request is: where it goes, and what it carries. */
  record Rendered(String url, Optional<String> body) {}

  private final Template url;
  private final Optional<Template> body;
  private final String contentType;

  /**
   * @param contentType the Content-Type the body is sent with
   * @throws IllegalArgumentException naming the setting when a template is broken or names something
   *     other than phone and text
   */
  SmsRequest(String urlTemplate, Optional<String> bodyTemplate, String contentType) {
    this.contentType = contentType;
    this.url = compile("notify.sms.url", urlTemplate, SmsRequest::urlEncode);
    this.body = bodyTemplate.map(template -> compile("notify.sms.body", template, escaperFor(contentType)));
  }

  Rendered render(String phone, String text) {
    Map<String, String> values = Map.of("phone", phone, "text", text);
    return new Rendered(url.execute(values), body.map(template -> template.execute(values)));
  }

  String contentType() {
    return contentType;
  }

  /** The Content-Type for a body when the configuration names none: JSON when it looks like JSON. */
  static String guessContentType(String bodyTemplate) {
    String start = bodyTemplate.strip();
    return start.startsWith("{") || start.startsWith("[") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
  }

  private static Mustache.Escaper escaperFor(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return JsonText::escape;
    }
    if (type.contains("x-www-form-urlencoded")) {
      return raw -> URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }
    return Escapers.NONE;
  }

  /** Percent-encoding that is right in a path as well as in a query: a space is %20, not +. */
  private static String urlEncode(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Template compile(String setting, String source, Mustache.Escaper escaper) {
    Template template;
    try {
      template = Mustache.compiler().withEscaper(escaper).compile(source);
      template.execute(Map.of("phone", "+49", "text", "probe"));
    } catch (MustacheException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage() + " (known: {{phone}}, {{text}})", e);
    }
    return template;
  }
}
