package org.leitwarte.alerting.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.collect.Schema.FieldType;

class SeriesExpansionTest {

  @ParameterizedTest(name = "{0} \"{1}\" = {2}")
  @CsvSource(delimiter = '|', value = {
      "INTEGER | 1 2 3                 | 1 2 3",
      "INTEGER | 3x2                   | 3 3 3",
      "INTEGER | -2+4x3                | -2 2 6 10",
      "INTEGER | 1-2x4                 | 1 -1 -3 -5 -7",
      "INTEGER | 3 3 0x8               | 3 3 0 0 0 0 0 0 0 0 0",
      "INTEGER | 1 _x3 4               | 1 _ _ _ 4",
      "INTEGER | _                     | _",
      "INTEGER | '  7   8 '            | 7 8",
      "INTEGER | 42949400+60x2         | 42949400 42949460 42949520",
      "FLOAT   | 0.1+0.1x2             | 0.1 0.2 0.3",
      "FLOAT   | 5 2.5                 | 5.0 2.5",
      "FLOAT   | 100-12.5x2            | 100.0 87.5 75.0",
      "STRING  | okx2 timeout          | ok ok ok timeout",
      "STRING  | ok _x2 auth_failure   | ok _ _ auth_failure",
      "BOOLEAN | truex1 false          | true true false",
  })
  void values_expand_as_in_promtool(FieldType type, String written, String expected) {
    List<Object> values = SeriesExpansion.expand(written, type);

    List<String> shown = values.stream().map(v -> v == null ? "_" : v.toString()).toList();
    assertThat(shown).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    values.stream().filter(v -> v != null).forEach(v -> assertThat(v).isInstanceOf(type.javaType()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "'Uplink Rathaus'x1 \"Gi0/1 x\"",
      "\"Uplink Rathaus\"x1 'Gi0/1 x'",
  })
  void quoted_texts_may_hold_spaces(String written) {
    assertThat(SeriesExpansion.expand(written, FieldType.STRING))
        .containsExactly("Uplink Rathaus", "Uplink Rathaus", "Gi0/1 x");
  }

  @ParameterizedTest(name = "{0} \"{1}\": {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "INTEGER | 1.5         | \"'1.5': an integer field takes whole numbers\"",
      "INTEGER | 1+0.5x3     | an integer field takes whole numbers",
      "INTEGER | 1+2         | \"'1+2' is not a value of an integer field (a number, axn, a+bxn, a-bxn, _ or _xn)\"",
      "INTEGER | abc         | \"'abc' is not a value of an integer field\"",
      "FLOAT   | 1,5         | \"'1,5' is not a value of a float field\"",
      "FLOAT   | \"\"          | no values",
      "BOOLEAN | maybe       | \"'maybe' is not true or false\"",
      "STRING  | 'open       | quoted text without its closing quote",
      "INTEGER | 1x200000    | more than 100000 values",
      "INTEGER | 9223372036854775807+1x1 | leaves the range of an integer field",
  })
  void wrong_values_say_what_is_expected(FieldType type, String written, String message) {
    assertThatThrownBy(() -> SeriesExpansion.expand(written, type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
