package org.leitwarte.incident.notify;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Mustache templates of messages (incident notifications, ticket mails) from the class path, one folder per
 * language: {@code <root><language>/<name>.mustache}, partials beside them.
 */
public final class ResourceTemplates {

  private ResourceTemplates() {}

  /**
   * @param compiler the escaping and truthiness the texts need; the loader of partials is added here
   * @param what names the kind of template in errors ({@code notification template …})
   */
  public static Template compile(Mustache.Compiler compiler, String root, String language, String name, String what) {
    return compiler
        .withLoader(partial -> new StringReader(stripFinalNewline(read(root, language, partial, what))))
        .compile(read(root, language, name, what));
  }

  /** A subject line: every line break, with the blanks around it, becomes one space. */
  public static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** Sections that rendered nothing leave blank lines behind; at most one in a row is kept. */
  public static String tidy(String text) {
    return text.replaceAll("\\R{3,}", "\n\n").strip() + "\n";
  }

  private static String read(String root, String language, String name, String what) {
    String path = root + language + "/" + name + ".mustache";
    try (InputStream in = ResourceTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(what + " " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(what + " " + path + " cannot be read", e);
    }
  }

  /** Partials are used inline: their file's last line break is not part of them. */
  private static String stripFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
