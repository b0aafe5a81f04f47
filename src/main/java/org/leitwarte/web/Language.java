package org.leitwarte.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which language an answer's texts are in: German (the default) or English. */
public final class Language {

  public static final String GERMAN = "de";
  public static final String ENGLISH = "en";
  private static final List<String> OFFERED = List.of(GERMAN, ENGLISH);

  private Language() {}

  /** The language of a page or answer: {@code ?lang=} wins, then Accept-Language, then German. */
  public static String of(io.vertx.ext.web.RoutingContext context) {
    return choose(Optional.ofNullable(context.queryParams().get("lang")),
        context.acceptableLanguages().stream().map(io.vertx.ext.web.LanguageHeader::tag).toList());
  }

  /**
   * @param requested the {@code lang} parameter, which wins
   * @param accepted the primary tags of the Accept-Language header's languages, best first ({@code en}
   *     for {@code en-GB})
   */
  static String choose(Optional<String> requested, List<String> accepted) {
    if (requested.isPresent() && OFFERED.contains(requested.get())) {
      return requested.get();
    }
    for (String language : accepted) {
      String tag = language == null ? "" : language.toLowerCase(Locale.ROOT);
      if (OFFERED.contains(tag)) {
        return tag;
      }
    }
    return GERMAN;
  }
}
