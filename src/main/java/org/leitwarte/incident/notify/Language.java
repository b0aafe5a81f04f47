package org.leitwarte.incident.notify;

import java.util.Locale;
import org.leitwarte.incident.Person;

/** The language of a person's notifications: English when they asked for it, German otherwise. */
final class Language {

  static final String GERMAN = "de";
  static final String ENGLISH = "en";

  private Language() {}

  static String of(Person person) {
    return person.language().strip().toLowerCase(Locale.ROOT).startsWith(ENGLISH) ? ENGLISH : GERMAN;
  }
}
