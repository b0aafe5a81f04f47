package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''   | ''        | de
      en   | ''        | en
      de   | en        | de
      ''   | en        | en
      ''   | fr en     | en
      ''   | fr        | de
      ''   | DE en     | de
      """)
  void the_language_is_lang_else_accept_language_else_german(String lang, String accepted, String expected) {
    Optional<String> requested = lang.isEmpty() ? Optional.empty() : Optional.of(lang);
    List<String> tags = accepted.isEmpty() ? List.of() : Arrays.asList(accepted.split(" "));

    assertThat(Language.choose(requested, tags)).isEqualTo(expected);
  }
}
