package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.oncall.OnCallTimelineTest.at;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;

/** The example shipped in alert-rules/oncall.yaml loads and means what its comments say. */
class ShippedOnCallFileTest {

  static final Path FILE = Path.of("alert-rules", "oncall.yaml");
  private static OnCallConfig config;

  @BeforeAll
  static void load() throws Exception {
    config = OnCallLoader.load(FILE, Map.of());
  }

  @Test
  void people_teams_schedules_and_policies_load() {
    assertThat(config.people()).extracting(Person::id).containsExactly(
        "mmueller", "jschmidt", "kweber", "tbecker", "akoch", "lfischer", "sschulz", "phoffmann", "uwagner");
    assertThat(config.person("jschmidt")).contains(new Person(
        "jschmidt", "Jan Schmidt", Optional.of("j.schmidt@kdo.example"), Optional.empty(),
        Optional.of(URI.create("https://chat.kdo.example/hooks/netz-jschmidt")), "de"));
    assertThat(config.person("tbecker").orElseThrow().language()).isEqualTo("en");
    assertThat(config.webhooks()).isEqualTo(Map.of("jschmidt", Secret.of("https://chat.kdo.example/hooks/netz-jschmidt")));
    assertThat(config.teams()).containsExactly(
        new Team("netz", "Netzwerk", List.of("mmueller", "jschmidt", "kweber", "tbecker", "akoch"), Optional.of("netz-standard")),
        new Team("fachverfahren", "Fachverfahren", List.of("lfischer", "sschulz", "phoffmann", "uwagner"),
            Optional.of("fachverfahren-standard")));
    assertThat(config.schedules()).extracting(OnCallSchedule::id)
        .containsExactly("netz-rufbereitschaft", "fachverfahren-bereitschaft");
    assertThat(config.policy("netz-standard")).contains(new EscalationPolicy("netz-standard", "Netz – Standard", List.of(
        new Level(Duration.ZERO, List.of(new Target.OnCall("netz-rufbereitschaft"))),
        new Level(Duration.ofMinutes(15), List.of(new Target.OnePerson("akoch"))),
        new Level(Duration.ofMinutes(15), List.of(new Target.WholeTeam("netz")))), 2));
  }

  /** An empty person: nobody (before the first hand-over of any layer that covers the time). */
  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    "netz-rufbereitschaft, 2026-01-05T10:00, mmueller",
    "netz-rufbereitschaft, 2026-01-10T21:00, kweber",
    "netz-rufbereitschaft, 2026-01-11T07:00, kweber",
    "netz-rufbereitschaft, 2026-01-11T21:00, tbecker",
    "netz-rufbereitschaft, 2026-01-12T07:59, tbecker",
    "netz-rufbereitschaft, 2026-01-12T08:00, mmueller",
    "netz-rufbereitschaft, 2026-01-12T09:00, jschmidt",
    "netz-rufbereitschaft, 2026-03-04T12:00, jschmidt",
    "fachverfahren-bereitschaft, 2026-01-05T06:59, ",
    "fachverfahren-bereitschaft, 2026-01-05T07:00, lfischer",
    "fachverfahren-bereitschaft, 2026-01-09T11:59, sschulz",
    "fachverfahren-bereitschaft, 2026-01-09T19:00, sschulz",
    "fachverfahren-bereitschaft, 2026-01-10T10:00, sschulz",
    "fachverfahren-bereitschaft, 2026-01-13T07:00, phoffmann",
    "fachverfahren-bereitschaft, 2026-01-23T19:00, lfischer",
  })
  void the_example_schedules_say_who_is_on_call(String schedule, String time, String person) {
    assertThat(OnCallTimeline.whoIsOnCall(config.schedule(schedule).orElseThrow(), at(time)))
        .isEqualTo(Optional.ofNullable(person));
  }
}
