package org.leitwarte.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workflow: which status may follow which. */
class TicketStatusTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "new, new, refused",
      "new, in_progress, allowed",
      "new, waiting_for_municipality, allowed",
      "new, resolved, allowed",
      "new, closed, refused",
      "in_progress, new, allowed",
      "in_progress, in_progress, refused",
      "in_progress, waiting_for_municipality, allowed",
      "in_progress, resolved, allowed",
      "in_progress, closed, refused",
      "waiting_for_municipality, new, allowed",
      "waiting_for_municipality, in_progress, allowed",
      "waiting_for_municipality, waiting_for_municipality, refused",
      "waiting_for_municipality, resolved, allowed",
      "waiting_for_municipality, closed, refused",
      "resolved, new, refused",
      "resolved, in_progress, allowed",
      "resolved, waiting_for_municipality, refused",
      "resolved, resolved, refused",
      "resolved, closed, allowed",
      "closed, new, refused",
      "closed, in_progress, refused",
      "closed, waiting_for_municipality, refused",
      "closed, resolved, refused",
      "closed, closed, refused",
  })
  void a_ticket_moves_only_along_the_workflow(String from, String to, String verdict) {
    TicketStatus current = TicketStatus.ofLabel(from).orElseThrow();
    TicketStatus next = TicketStatus.ofLabel(to).orElseThrow();

    assertThat(current.canBecome(next)).isEqualTo(verdict.equals("allowed"));
  }

  @ParameterizedTest
  @CsvSource({"new, true", "in_progress, true", "waiting_for_municipality, true", "resolved, false", "closed, false"})
  void new_in_progress_and_waiting_are_open(String status, boolean open) {
    assertThat(TicketStatus.ofLabel(status).orElseThrow().open()).isEqualTo(open);
  }
}
