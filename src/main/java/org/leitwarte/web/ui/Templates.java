package org.leitwarte.web.ui;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leitwarte.web.Messages;

/**
 * The pages' Mustache templates under {@value #ROOT}: HTML-escaped ({@code {{x}}} is always text, never
 * markup), strict (a variable the model lacks is an error), compiled once. Texts come from the resource
 * bundle through the lambda {@code {{#t}}ui.key{{/t}}}, so templates hold no language.
 */
final class Templates {

  static final String ROOT = "/org/leitwarte/web/ui/templates/";

  /** HTML's five special characters; safe in text and in quoted attributes. */
  static final Mustache.Escaper HTML = Escapers.simple(
      new String[] {"&", "&amp;"}, new String[] {"<", "&lt;"}, new String[] {">", "&gt;"},
      new String[] {"\"", "&quot;"}, new String[] {"'", "&#39;"});

  private final Map<String, Template> compiled = new ConcurrentHashMap<>();
  private final Mustache.Compiler compiler = Mustache.compiler()
      .withEscaper(HTML)
      .emptyStringIsFalse(true)
      .zeroIsFalse(true)
      .withLoader(name -> new StringReader(read(name)));

  /** The page {@code name} with {@code model}, plus {@code t} (texts), {@code lang} and what every page shows. */
  String render(String name, Messages messages, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("t", (Mustache.Lambda) (fragment, out) -> out.write(HTML.escape(messages.text(fragment.execute().strip()))));
    all.put("lang", messages.language());
    all.putIfAbsent("flash", "");
    all.putIfAbsent("problem", "");
    return compiled.computeIfAbsent(name, key -> compiler.compile(read(key))).execute(all);
  }

  private static String read(String name) {
    String path = ROOT + name + ".mustache";
    try (InputStream in = Templates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("page template " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("page template " + path + " cannot be read", e);
    }
  }
}
