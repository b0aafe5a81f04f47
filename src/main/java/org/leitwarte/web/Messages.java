package org.leitwarte.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing texts from the resource bundle {@code org.leitwarte.web.messages}: German, or English. */
public final class Messages {

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    // The German texts are the base bundle; never fall back to the JVM's default locale.
    this.bundle = ResourceBundle.getBundle("org.leitwarte.web.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** English when {@code language} is {@code en}, else German. */
  public static Messages of(String language) {
    return new Messages("en".equals(language) ? Locale.ENGLISH : Locale.GERMAN);
  }

  public String language() {
    return locale.getLanguage();
  }

  public String text(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}
