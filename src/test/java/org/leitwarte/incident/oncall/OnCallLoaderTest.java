package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.leitwarte.incident.oncall.OnCallTimelineTest.at;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problem;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;

class OnCallLoaderTest {

  static final Map<String, String> ENVIRONMENT =
      Map.of("KWEBER_HOOK", "https://chat.kdo.example/hooks/kweber", "BAD_HOOK", "ftp://chat.kdo.example/x");

  /** Every bad case below is appended to this; its first line is line 4 of the file. */
  private static final String HEADER =
      """
      people:
        - {id: mmueller, name: Maria Müller, email: m.mueller@kdo.example}
        - {id: jschmidt, name: Jan Schmidt, phone: "+4915112345678"}
      """;

  @TempDir Path dir;

  @Test
  void a_complete_file_loads_into_records() throws Exception {
    OnCallConfig config = load(HEADER + """
          - {id: kweber, name: Katrin Weber, webhook: "${env:KWEBER_HOOK}", language: en}
        teams:
          - {id: netz, members: [mmueller, jschmidt], policy: netz-standard}
        schedules:
          - id: netz-rufbereitschaft
            team: netz
            time_zone: Europe/Vienna
            layers:
              - {name: Woche, rotation: weekly, handover: "monday 09:00", start: "2026-01-05", people: [mmueller, jschmidt]}
              - name: Nacht
                rotation: custom
                start: "2026-01-05T20:00"
                length: 12h
                people: [kweber]
                restrict: {weekdays: [saturday, sunday], times: [{start: "20:00", end: "24:00"}, {start: "00:00", end: "08:00"}]}
            overrides:
              - {person: kweber, start: "2026-03-02T09:00", end: "2026-03-09T09:00:00+01:00", reason: Tausch}
        escalation_policies:
          - id: netz-standard
            levels:
              - {delay: 0s, targets: [{schedule: netz-rufbereitschaft}]}
              - {delay: 15m, targets: [{person: kweber}, {team: netz}]}
            repeat: 2
        """);

    ZoneId vienna = ZoneId.of("Europe/Vienna");
    assertThat(config.people()).containsExactly(
        new Person("mmueller", "Maria Müller", Optional.of("m.mueller@kdo.example"), Optional.empty(), Optional.empty(), "de"),
        new Person("jschmidt", "Jan Schmidt", Optional.empty(), Optional.of("+4915112345678"), Optional.empty(), "de"),
        new Person("kweber", "Katrin Weber", Optional.empty(), Optional.empty(),
            Optional.of(URI.create("https://chat.kdo.example/hooks/kweber")), "en"));
    assertThat(config.webhooks()).isEqualTo(Map.of("kweber", Secret.of("${env:KWEBER_HOOK}")));
    assertThat(config.teams())
        .containsExactly(new Team("netz", "netz", List.of("mmueller", "jschmidt"), Optional.of("netz-standard")));
    assertThat(config.schedules()).containsExactly(new OnCallSchedule(
        "netz-rufbereitschaft", "netz-rufbereitschaft", Optional.of("netz"), vienna,
        List.of(
            new Layer("Woche", new Rotation.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5)),
                List.of("mmueller", "jschmidt"), Optional.empty()),
            new Layer("Nacht", new Rotation.Custom(Instant.parse("2026-01-05T19:00:00Z"), Duration.ofHours(12)),
                List.of("kweber"),
                Optional.of(new Restriction(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(
                    Restriction.TimeRange.parse("00:00", "08:00"), Restriction.TimeRange.parse("20:00", "24:00")))))),
        List.of(new ScheduleOverride("kweber", at("2026-03-02T09:00"), at("2026-03-09T09:00"), "Tausch"))));
    assertThat(config.policies()).containsExactly(new EscalationPolicy("netz-standard", "netz-standard", List.of(
        new Level(Duration.ZERO, List.of(new Target.OnCall("netz-rufbereitschaft"))),
        new Level(Duration.ofMinutes(15), List.of(new Target.OnePerson("kweber"), new Target.WholeTeam("netz")))), 2));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        arguments("misspelt key", """
              - {id: kweber, name: Katrin Weber, emial: k.weber@kdo.example, phone: "+4917087654321"}
            """, List.of(
                "oncall.yaml:4: person 'kweber': unknown key 'emial' (did you mean 'email'?)")),
        arguments("misspelt section", """
            team:
              - {id: netz, members: [mmueller]}
            """, List.of(
                "oncall.yaml:4: unknown key 'team' (did you mean 'teams'?)")),
        arguments("duplicate person", """
              - {id: mmueller, name: Max Mustermann, email: m.m@kdo.example}
            """, List.of(
                "oncall.yaml:4: person 'mmueller': id: already defined at oncall.yaml:2")),
        arguments("unreachable person, bad phone and language", """
              - {id: kweber, name: Katrin Weber}
              - {id: tbecker, name: Thomas Becker, phone: "0170 1234", language: fr}
              - {id: Akoch, name: Andrea Koch, email: "a.koch at kdo"}
            """, List.of(
                "oncall.yaml:4: person 'kweber': no way to reach them: give an email, a phone or a webhook",
                "oncall.yaml:5: person 'tbecker': phone: expected an international number without spaces like"
                    + " +4915112345678, got '0170 1234'",
                "oncall.yaml:5: person 'tbecker': language: expected de or en, got 'fr'",
                "oncall.yaml:6: person 'Akoch': id: must match [a-z0-9][a-z0-9._-]* (lower-case letters, digits, '.',"
                    + " '_' and '-')",
                "oncall.yaml:6: person 'Akoch': email: expected a mail address like m.mueller@kdo.example, got 'a.koch"
                    + " at kdo'")),
        arguments("webhooks that do not resolve to a URL", """
              - {id: kweber, name: Katrin Weber, webhook: "${env:NO_SUCH_HOOK}"}
              - {id: tbecker, name: Thomas Becker, webhook: "${env:BAD_HOOK}"}
            """, List.of(
                "oncall.yaml:4: person 'kweber': webhook: environment variable NO_SUCH_HOOK is not set",
                "oncall.yaml:5: person 'tbecker': webhook: expected an http:// or https:// URL")),
        arguments("team with unknown and repeated members and an unknown policy", """
            teams:
              - {id: netz, members: [mmueller, jschmit, mmueller], policy: netz-std}
              - {id: leer, members: []}
            """, List.of(
                "oncall.yaml:5: team 'netz': members: unknown person 'jschmit' (did you mean 'jschmidt'?)",
                "oncall.yaml:5: team 'netz': members: 'mmueller' is listed twice",
                "oncall.yaml:5: team 'netz': policy: unknown escalation policy 'netz-std'",
                "oncall.yaml:6: team 'leer': members: a team needs at least one member")),
        arguments("unknown team and time zone", """
            schedules:
              - id: netz
                team: netzwerk
                time_zone: Europe/Berln
                layers:
                  - {rotation: weekly, handover: "monday 09:00", start: "2026-01-05", people: [mmueller]}
            """, List.of(
                "oncall.yaml:6: schedule 'netz': team: unknown team 'netzwerk'",
                "oncall.yaml:7: schedule 'netz': time_zone: unknown time zone 'Europe/Berln' (expected an IANA zone"
                    + " like Europe/Berlin)")),
        arguments("bad hand-overs", """
            schedules:
              - id: netz
                layers:
                  - {name: Woche, rotation: weekly, handover: "montag 09:00", start: "2026-01-05", people: [mmueller]}
                  - {name: Tag, rotation: daily, handover: "25:00", start: "2026-01-05", people: [mmueller]}
                  - {name: Lang, rotation: weekly, handover: "monday 09:00", start: "2026-01-06", people: [mmueller]}
                  - {name: Frei, rotation: custom, handover: "09:00", start: "2026-01-05T09:00", length: 30s, people: [mmueller]}
                  - {name: Falsch, rotation: hourly, people: [mmueller]}
                  - {name: Ohne, rotation: daily, start: "5.1.2026", length: 1d, people: [mmueller]}
            """, List.of(
                "oncall.yaml:7: schedule 'netz': layer 'Woche': handover: expected a weekday (monday … sunday), got"
                    + " 'montag'",
                "oncall.yaml:8: schedule 'netz': layer 'Tag': handover: expected a time of day HH:MM (00:00–23:59),"
                    + " got '25:00'",
                "oncall.yaml:9: schedule 'netz': layer 'Lang': start: 2026-01-06 is a tuesday, not a monday (the"
                    + " hand-over day)",
                "oncall.yaml:10: schedule 'netz': layer 'Frei': handover: a custom rotation hands over every 'length'"
                    + " from 'start'; give no handover",
                "oncall.yaml:10: schedule 'netz': layer 'Frei': length: must be at least 1m, got '30s'",
                "oncall.yaml:11: schedule 'netz': layer 'Falsch': rotation: expected daily, weekly or custom, got"
                    + " 'hourly'",
                "oncall.yaml:12: schedule 'netz': layer 'Ohne': length: only a custom rotation has a length (a daily"
                    + " one hands over at 'handover')",
                "oncall.yaml:12: schedule 'netz': layer 'Ohne': start: expected a date YYYY-MM-DD, got '5.1.2026'",
                "oncall.yaml:12: schedule 'netz': layer 'Ohne': missing key 'handover'")),
        arguments("empty rotation, repeated layer name, unknown person, no layers", """
            schedules:
              - id: netz
                layers:
                  - {name: Woche, rotation: weekly, handover: "monday 09:00", start: "2026-01-05", people: []}
                  - {name: Woche, rotation: daily, handover: "09:00", start: "2026-01-05", people: [mmuller]}
              - id: leer
              - {id: netz, layers: [{rotation: daily, handover: "09:00", start: "2026-01-05", people: [mmueller]}]}
            """, List.of(
                "oncall.yaml:7: schedule 'netz': layer 'Woche': people: the rotation has nobody in it",
                "oncall.yaml:8: schedule 'netz': layer 'Woche': name: layer 'Woche' is already defined at oncall.yaml:7",
                "oncall.yaml:8: schedule 'netz': layer 'Woche': people: unknown person 'mmuller' (did you mean"
                    + " 'mmueller'?)",
                "oncall.yaml:9: schedule 'leer': missing key 'layers' (a schedule needs at least one layer)",
                "oncall.yaml:10: schedule 'netz': id: already defined at oncall.yaml:5")),
        arguments("layers restricted to nothing", """
            schedules:
              - id: netz
                layers:
                  - name: A
                    rotation: daily
                    handover: "20:00"
                    start: "2026-01-05"
                    people: [mmueller]
                    restrict: {weekdays: []}
                  - name: B
                    rotation: daily
                    handover: "20:00"
                    start: "2026-01-05"
                    people: [mmueller]
                    restrict: {weekdays: [samstag], times: [{start: "20:00", end: "20:00"}]}
                  - name: C
                    rotation: daily
                    handover: "20:00"
                    start: "2026-01-05"
                    people: [mmueller]
                    restrict: {}
            """, List.of(
                "oncall.yaml:12: schedule 'netz': layer 'A': restrict.weekdays: an empty list restricts the layer to"
                    + " nothing (leave the key out for every day)",
                "oncall.yaml:18: schedule 'netz': layer 'B': restrict.weekdays: expected a weekday (monday … sunday),"
                    + " got 'samstag'",
                "oncall.yaml:18: schedule 'netz': layer 'B': restrict.times[0]: end: must differ from start (20:00)",
                "oncall.yaml:24: schedule 'netz': layer 'C': restrict: names neither weekdays nor times, so the layer"
                    + " would cover nothing")),
        arguments("overrides ending before they start, naming nobody known, without a reason", """
            schedules:
              - id: netz
                layers:
                  - {rotation: daily, handover: "09:00", start: "2026-01-05", people: [mmueller]}
                overrides:
                  - {person: jschmidt, start: "2026-03-09T09:00", end: "2026-03-02T09:00", reason: Tausch}
                  - {person: kweber, start: "2026-03-02", end: "2026-03-09T09:00:00+01:00"}
            """, List.of(
                "oncall.yaml:9: schedule 'netz': override for 'jschmidt': end: must be after start",
                "oncall.yaml:10: schedule 'netz': override for 'kweber': person: unknown person 'kweber'",
                "oncall.yaml:10: schedule 'netz': override for 'kweber': start: expected a date-time like"
                    + " 2026-03-02T09:00:00+01:00 or 2026-03-02T09:00 (in the schedule's time zone), got '2026-03-02'",
                "oncall.yaml:10: schedule 'netz': override for 'kweber': missing key 'reason'")),
        arguments("escalation policies with bad levels", """
            escalation_policies:
              - id: netz-standard
                levels:
                  - {delay: 5m, targets: [{schedule: netz}]}
                  - {targets: [{person: mmueller, team: netz}]}
                  - {delay: 10s, targets: []}
                repeat: 11
              - id: leer
                levels: []
              - {id: ohne}
            """, List.of(
                "oncall.yaml:7: escalation policy 'netz-standard': levels[0]: delay: the first level is notified at"
                    + " once; put the wait on the next level",
                "oncall.yaml:7: escalation policy 'netz-standard': levels[0]: targets[0]: schedule: unknown schedule"
                    + " 'netz'",
                "oncall.yaml:8: escalation policy 'netz-standard': levels[1]: missing key 'delay'",
                "oncall.yaml:8: escalation policy 'netz-standard': levels[1]: targets[0]: expected exactly one of"
                    + " schedule, person or team",
                "oncall.yaml:9: escalation policy 'netz-standard': levels[2]: delay: must be at least 1m, got '10s'",
                "oncall.yaml:9: escalation policy 'netz-standard': levels[2]: targets: a level needs at least one"
                    + " target",
                "oncall.yaml:10: escalation policy 'netz-standard': repeat: expected an integer 0–10, got '11'",
                "oncall.yaml:12: escalation policy 'leer': levels: a policy needs at least one level",
                "oncall.yaml:13: escalation policy 'ohne': missing key 'levels' (a policy needs at least one level)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void bad_files_are_refused_with_every_problem_at_its_line(String name, String appended, List<String> expected) {
    assertThatThrownBy(() -> load(HEADER + appended))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected));
  }

  @Test
  void a_missing_file_is_a_problem_but_a_rules_folder_without_one_means_nobody() throws Exception {
    assertThatThrownBy(() -> OnCallLoader.load(dir.resolve("oncall.yaml"), ENVIRONMENT))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("oncall.yaml: file not found: ");
    assertThat(OnCallLoader.loadFromRulesFolder(dir, ENVIRONMENT)).isEqualTo(OnCallConfig.EMPTY);
  }

  private OnCallConfig load(String text) throws IOException, ConfigException {
    Path file = dir.resolve("oncall.yaml");
    Files.writeString(file, text);
    return OnCallLoader.load(file, ENVIRONMENT);
  }
}
