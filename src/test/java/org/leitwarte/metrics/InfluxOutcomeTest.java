package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfluxOutcomeTest {

  @ParameterizedTest(name = "HTTP {0} ''{1}'' is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      204 | ''                                                                   | Ok
      404 | database not found: "leitwarte"                                      | DatabaseMissing
      400 | retention policy not found: rp                                        | DatabaseMissing
      400 | partial write: unable to parse 'm v=oops 2000': invalid boolean dropped=0 | Rejected
      400 | partial write: field type conflict: input field "x" on measurement "n" is type string, already exists as type integer dropped=1 | Rejected
      413 | Request Entity Too Large                                             | Rejected
      401 | authorization failed                                                 | Unavailable
      403 | user is not authorized to write to database                          | Unavailable
      500 | timeout                                                              | Unavailable
      503 | <html>Service Unavailable</html>                                     | Unavailable
      502 | ''                                                                   | Unavailable
      """)
  void http_answer_is_classified(int status, String message, String expected) {
    InfluxOutcome outcome = InfluxOutcome.ofHttpStatus(status, message);

    assertThat(outcome.getClass().getSimpleName()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "reason of HTTP {0}")
  @CsvSource({"503, busy, HTTP 503: busy", "502, '', HTTP 502"})
  void reason_names_the_status_and_the_message(int status, String message, String reason) {
    assertThat(InfluxOutcome.ofHttpStatus(status, message)).isEqualTo(new InfluxOutcome.Unavailable(reason));
  }
}
