package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationErrorsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Instance does not match any of ["de","en"]        | must be one of "de", "en"
      Instance type string is invalid. Expected integer | must be an integer, got a string
      Instance type object is invalid. Expected array   | must be an array, got an object
      String is too short (0 < 1)                       | must not be empty
      String is too short (2 < 3)                       | must have at least 3 characters
      String is too long (201 > 200)                    | must have at most 200 characters
      Array has too few items ( + 0 < 1)                | needs at least 1 entry
      Array has too many items ( + 51 > 50)             | may have at most 50 entries
      0 is less than 1                                  | must be at least 1, got 0
      10001 is greater than 10000                       | must be at most 10000, got 10001
      String does not match format "date-time"          | must be a date-time with offset, e.g. 2026-03-10T22:00:00+01:00
      Something new                                     | Something new
      """)
  void the_validators_wording_becomes_ours(String library, String ours) {
    assertThat(ValidationErrors.words(library)).isEqualTo(ours);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      '#'                      | ''
      '#/author'               | author
      '#/matchers/0/op'        | matchers[0].op
      '#/schedule/times/1/end' | schedule.times[1].end
      '#/a~1b/c~0d'            | a/b.c~d
      """)
  void instance_locations_become_field_paths(String location, String field) {
    assertThat(ValidationErrors.field(ValidationErrors.pointer(location))).isEqualTo(field);
  }
}
