package org.leitwarte.incident.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.incident.oncall.OnCallTimelineTest.at;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.oncall.Shift.Source.FromLayer;
import org.leitwarte.incident.oncall.Shift.Source.FromOverride;

class OnCallJsonTest {

  @Test
  void schedules_and_policies_read_back_equal_from_their_json_text() throws Exception {
    OnCallConfig example = OnCallLoader.load(ShippedOnCallFileTest.FILE, Map.of());
    OnCallSchedule custom = new OnCallSchedule("zwoelf", "Zwölf Stunden", Optional.empty(), ZoneId.of("Europe/Vienna"),
        List.of(new Layer("Tag und Nacht", new Rotation.Custom(Instant.parse("2026-01-05T06:00:00Z"), Duration.ofHours(12)),
            List.of("a", "b", "a"), Optional.empty())),
        List.of());

    for (OnCallSchedule schedule : List.of(example.schedules().get(0), example.schedules().get(1), custom)) {
      assertThat(OnCallJson.schedule(new JsonObject(OnCallJson.schedule(schedule).encode()))).isEqualTo(schedule);
    }
    for (EscalationPolicy policy : example.policies()) {
      assertThat(OnCallJson.policy(new JsonObject(OnCallJson.policy(policy).encode()))).isEqualTo(policy);
    }
  }

  @Test
  void a_schedule_reads_in_json_as_in_the_file() throws Exception {
    OnCallConfig example = OnCallLoader.load(ShippedOnCallFileTest.FILE, Map.of());

    JsonObject json = OnCallJson.schedule(example.schedule("netz-rufbereitschaft").orElseThrow());

    assertThat(json).isEqualTo(new JsonObject("""
        {"id": "netz-rufbereitschaft", "name": "Rufbereitschaft Netz", "team": "netz", "time_zone": "Europe/Berlin",
         "layers": [
           {"name": "Wochendienst", "rotation": "weekly", "handover": "monday 09:00", "start": "2026-01-05",
            "people": ["mmueller", "jschmidt", "kweber", "tbecker"]},
           {"name": "Nachts am Wochenende", "rotation": "daily", "handover": "20:00", "start": "2026-01-03",
            "people": ["tbecker", "kweber"],
            "restrict": {"weekdays": ["saturday", "sunday"], "times": [{"start": "20:00", "end": "08:00"}]}}],
         "overrides": [
           {"person": "jschmidt", "start": "2026-03-02T08:00:00Z", "end": "2026-03-09T08:00:00Z", "reason": "Tausch mit Katrin"}]}
        """));
    assertThat(OnCallJson.policy(example.policy("netz-standard").orElseThrow())).isEqualTo(new JsonObject("""
        {"id": "netz-standard", "name": "Netz – Standard", "repeat": 2, "levels": [
          {"delay": "0s", "targets": [{"schedule": "netz-rufbereitschaft"}]},
          {"delay": "15m", "targets": [{"person": "akoch"}]},
          {"delay": "15m", "targets": [{"team": "netz"}]}]}
        """));
  }

  @Test
  void shifts_name_their_layer_or_the_reason_of_their_override() {
    assertThat(OnCallJson.shift(new Shift("anna", at("2026-03-23T09:00"), at("2026-03-30T09:00"), new FromLayer("Woche"))))
        .isEqualTo(new JsonObject(
            "{\"person\": \"anna\", \"start\": \"2026-03-23T08:00:00Z\", \"end\": \"2026-03-30T07:00:00Z\", \"layer\": \"Woche\"}"));
    assertThat(OnCallJson.shift(new Shift("olga", at("2026-03-25T12:00"), at("2026-03-26T12:00"), new FromOverride("Krankheit"))))
        .isEqualTo(new JsonObject(
            "{\"person\": \"olga\", \"start\": \"2026-03-25T11:00:00Z\", \"end\": \"2026-03-26T11:00:00Z\","
                + " \"override\": \"Krankheit\"}"));
  }
}
