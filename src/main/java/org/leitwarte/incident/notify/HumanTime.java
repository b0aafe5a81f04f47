package org.leitwarte.incident.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the person on call reads them: local time of the data centre (Europe/Berlin), in their
 * language, and how long ago.
 */
final class HumanTime {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN);
  private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter GERMAN_SHORT_DAY = DateTimeFormatter.ofPattern("dd.MM. HH:mm", Locale.GERMAN);
  private static final DateTimeFormatter ENGLISH_SHORT_DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private HumanTime() {}

  /** {@code 14.03.2025, 03:12 Uhr} or {@code 14 Mar 2025, 03:12 CET}. */
  static String at(Instant instant, String language) {
    return (Language.ENGLISH.equals(language) ? ENGLISH : GERMAN).format(instant.atZone(ZONE));
  }

  /** For SMS: {@code 03:12} on the same day as {@code now}, else {@code 13.03. 22:40}. */
  static String brief(Instant instant, Instant now, String language) {
    ZonedDateTime local = instant.atZone(ZONE);
    if (local.toLocalDate().equals(now.atZone(ZONE).toLocalDate())) {
      return CLOCK.format(local);
    }
    return (Language.ENGLISH.equals(language) ? ENGLISH_SHORT_DAY : GERMAN_SHORT_DAY).format(local);
  }

  /** {@code vor 25 Min.}, {@code 3 h 5 min ago}, …; {@code gerade eben} for less than a minute. */
  static String ago(Instant instant, Instant now, String language) {
    Duration elapsed = Duration.between(instant, now);
    boolean english = Language.ENGLISH.equals(language);
    long minutes = Math.max(0, elapsed.toMinutes());
    if (minutes < 1) {
      return english ? "just now" : "gerade eben";
    }
    if (minutes < 60) {
      return english ? minutes + " min ago" : "vor " + minutes + " Min.";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      long rest = minutes % 60;
      return english ? hours + " h " + rest + " min ago" : "vor " + hours + " Std. " + rest + " Min.";
    }
    long days = hours / 24;
    return english ? days + " days ago" : "vor " + days + " Tagen";
  }
}
