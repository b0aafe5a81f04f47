package org.leitwarte.incident.notify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough MIME to read a reply: headers (unfolded, RFC 2047 words decoded on request) and the
 * text of the first text/plain part (else text/html without its tags), with quoted-printable or base64
 * transfer encoding and the part's charset. The raw message is a string with one char per byte
 * (ISO-8859-1), as an IMAP client reads it.
 */
final class RawMail {

  private static final Pattern PARAMETER = Pattern.compile(";\\s*([\\w.-]+)\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
  private static final int MAX_DEPTH = 5;

  private final Map<String, List<String>> headers;
  private final String body;

  private RawMail(Map<String, List<String>> headers, String body) {
    this.headers = headers;
    this.body = body;
  }

  static RawMail parse(String raw) {
    String text = raw.replace("\r\n", "\n");
    int end = text.indexOf("\n\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 2);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : head.split("\n", -1)) {
      if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value.toString().strip());
      }
      int colon = line.indexOf(':');
      name = colon <= 0 ? null : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      value = new StringBuilder(colon <= 0 ? "" : line.substring(colon + 1));
    }
    if (name != null) {
      headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value.toString().strip());
    }
    return new RawMail(headers, body);
  }

  /** The first header of that name as written (encoded words left alone). */
  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The header with RFC 2047 encoded words ({@code =?UTF-8?Q?…?=}) decoded. */
  Optional<String> decodedHeader(String name) {
    return header(name).map(RawMail::decodeWords);
  }

  /** The text a person wrote: the first text/plain part, else the first text/html part as text. */
  Optional<String> text() {
    return text(0, "text/plain").or(() -> text(0, "text/html").map(RawMail::withoutTags));
  }

  private Optional<String> text(int depth, String wanted) {
    String contentType = header("Content-Type").orElse("text/plain");
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
      Optional<String> boundary = parameter(contentType, "boundary");
      if (boundary.isEmpty()) {
        return Optional.empty();
      }
      for (RawMail part : parts(boundary.get())) {
        Optional<String> text = part.text(depth + 1, wanted);
        if (text.isPresent()) {
          return text;
        }
      }
      return Optional.empty();
    }
    if (!type.equals(wanted)) {
      return Optional.empty();
    }
    byte[] bytes = transferDecoded();
    return Optional.of(new String(bytes, charset(parameter(contentType, "charset").orElse("utf-8"))));
  }

  private List<RawMail> parts(String boundary) {
    List<RawMail> parts = new ArrayList<>();
    String delimiter = "--" + boundary;
    StringBuilder current = null;
    for (String line : body.split("\n", -1)) {
      if (line.startsWith(delimiter)) {
        if (current != null) {
          parts.add(parse(current.toString()));
        }
        if (line.startsWith(delimiter + "--")) {
          return parts;
        }
        current = new StringBuilder();
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      parts.add(parse(current.toString()));
    }
    return parts;
  }

  private byte[] transferDecoded() {
    String encoding = header("Content-Transfer-Encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
    byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
    try {
      return switch (encoding) {
        case "base64" -> Base64.getMimeDecoder().decode(raw);
        case "quoted-printable" -> quotedPrintable(body, false);
        default -> raw;
      };
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  static Optional<String> parameter(String headerValue, String name) {
    Matcher matcher = PARAMETER.matcher(headerValue);
    while (matcher.find()) {
      if (matcher.group(1).equalsIgnoreCase(name)) {
        return Optional.of(matcher.group(3) != null ? matcher.group(3) : matcher.group(2));
      }
    }
    return Optional.empty();
  }

  static String decodeWords(String value) {
    Matcher matcher = ENCODED_WORD.matcher(BETWEEN_ENCODED_WORDS.matcher(value).replaceAll("$1$2"));
    StringBuilder decoded = new StringBuilder();
    while (matcher.find()) {
      Charset charset = charset(matcher.group(1));
      String text = matcher.group(3);
      byte[] bytes = matcher.group(2).equalsIgnoreCase("B")
          ? decodeBase64(text)
          : quotedPrintable(text, true);
      matcher.appendReplacement(decoded, Matcher.quoteReplacement(new String(bytes, charset)));
    }
    matcher.appendTail(decoded);
    return decoded.toString();
  }

  private static byte[] decodeBase64(String text) {
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return text.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** Quoted-printable; in a header word ({@code inWord}) an underscore is a space. */
  static byte[] quotedPrintable(String text, boolean inWord) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '_' && inWord) {
        out.write(' ');
      } else {
        out.write(c & 0xff);
      }
    }
    return out.toByteArray();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static Charset charset(String name) {
    try {
      Charset charset = Charset.forName(name.strip());
      // US-ASCII is what mail says by default; UTF-8 reads it the same and survives mislabelled text.
      return charset.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : charset;
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String withoutTags(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
        .replaceAll("(?i)<br\\s*/?>|</p>|</div>|<blockquote[^>]*>", "\n")
        .replaceAll("<[^>]+>", "")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }
}
