package org.leitwarte.discovery;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The comments of the proposed snippet, from the bundle {@code org.leitwarte.discovery.snippet}: German, or English. */
final class SnippetTexts {

  private final ResourceBundle bundle;
  private final Locale locale;

  private SnippetTexts(Locale locale) {
    this.locale = locale;
    // German is the base bundle; never fall back to the JVM's default locale.
    this.bundle = ResourceBundle.getBundle("org.leitwarte.discovery.snippet", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** English when {@code language} is {@code en}, else German. */
  static SnippetTexts of(String language) {
    return new SnippetTexts("en".equals(language) ? Locale.ENGLISH : Locale.GERMAN);
  }

  /** The text of {@code key}; arguments are passed as strings, so that numbers are not grouped. */
  String text(String key, Object... arguments) {
    Object[] strings = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      strings[i] = String.valueOf(arguments[i]);
    }
    return new MessageFormat(bundle.getString(key), locale).format(strings);
  }
}
