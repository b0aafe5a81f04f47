package org.leitwarte.incident.oncall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.config.Durations;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.EscalationPolicy.Level;
import org.leitwarte.incident.EscalationPolicy.Target;
import org.leitwarte.incident.oncall.Shift.Source;

/**
 * Schedules, escalation policies, overrides and shifts as JSON, in the shape of {@code oncall.yaml}
 * (same keys; instants as UTC ISO-8601, durations as {@code 15m}). The store keeps schedule and policy
 * definitions in this form; the API answers with it. Reading expects what writing produced.
 */
public final class OnCallJson {

  private OnCallJson() {}

  // ---- schedules -------------------------------------------------------------------------------

  public static JsonObject schedule(OnCallSchedule schedule) {
    JsonObject json = new JsonObject().put("id", schedule.id()).put("name", schedule.name());
    schedule.team().ifPresent(team -> json.put("team", team));
    json.put("time_zone", schedule.zone().getId());
    JsonArray layers = new JsonArray();
    schedule.layers().forEach(layer -> layers.add(layer(layer)));
    JsonArray overrides = new JsonArray();
    schedule.overrides().forEach(override -> overrides.add(override(override)));
    return json.put("layers", layers).put("overrides", overrides);
  }

  public static OnCallSchedule schedule(JsonObject json) {
    ZoneId zone = ZoneId.of(json.getString("time_zone"));
    List<Layer> layers = new ArrayList<>();
    json.getJsonArray("layers").forEach(layer -> layers.add(layer((JsonObject) layer, zone)));
    List<ScheduleOverride> overrides = new ArrayList<>();
    json.getJsonArray("overrides", new JsonArray()).forEach(o -> overrides.add(override((JsonObject) o)));
    return new OnCallSchedule(
        json.getString("id"), json.getString("name"), Optional.ofNullable(json.getString("team")), zone, layers, overrides);
  }

  private static JsonObject layer(Layer layer) {
    JsonObject json = new JsonObject().put("name", layer.name());
    Rotation rotation = layer.rotation();
    if (rotation instanceof Rotation.Daily daily) {
      json.put("rotation", "daily").put("handover", ScheduleText.time(daily.time())).put("start", daily.start().toString());
    } else if (rotation instanceof Rotation.Weekly weekly) {
      json.put("rotation", "weekly")
          .put("handover", ScheduleText.weekday(weekly.day()) + " " + ScheduleText.time(weekly.time()))
          .put("start", weekly.start().toString());
    } else {
      Rotation.Custom custom = (Rotation.Custom) rotation;
      json.put("rotation", "custom").put("start", custom.start().toString()).put("length", Durations.format(custom.length()));
    }
    json.put("people", new JsonArray(new ArrayList<Object>(layer.people())));
    layer.restriction().ifPresent(restriction -> json.put("restrict", restriction(restriction)));
    return json;
  }

  private static Layer layer(JsonObject json, ZoneId zone) {
    Rotation rotation = switch (json.getString("rotation")) {
      case "daily" -> new Rotation.Daily(
          ScheduleText.parseTime(json.getString("handover")), ScheduleText.parseDate(json.getString("start")));
      case "weekly" -> {
        String[] handover = json.getString("handover").split(" ");
        yield new Rotation.Weekly(
            ScheduleText.parseWeekday(handover[0]), ScheduleText.parseTime(handover[1]),
            ScheduleText.parseDate(json.getString("start")));
      }
      case "custom" -> new Rotation.Custom(
          ScheduleText.parseInstant(json.getString("start"), zone), Durations.parse(json.getString("length")));
      default -> throw new IllegalArgumentException("unknown rotation '" + json.getString("rotation") + "'");
    };
    List<String> people = json.getJsonArray("people").stream().map(String.class::cast).toList();
    Optional<Restriction> restriction = Optional.ofNullable(json.getJsonObject("restrict")).map(OnCallJson::restriction);
    return new Layer(json.getString("name"), rotation, people, restriction);
  }

  private static JsonObject restriction(Restriction restriction) {
    JsonObject json = new JsonObject();
    if (!restriction.weekdays().isEmpty()) {
      JsonArray weekdays = new JsonArray();
      restriction.weekdays().stream().sorted().forEach(day -> weekdays.add(ScheduleText.weekday(day)));
      json.put("weekdays", weekdays);
    }
    if (!restriction.times().isEmpty()) {
      JsonArray times = new JsonArray();
      restriction.times().forEach(range -> times.add(new JsonObject().put("start", range.start()).put("end", range.end())));
      json.put("times", times);
    }
    return json;
  }

  private static Restriction restriction(JsonObject json) {
    Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    json.getJsonArray("weekdays", new JsonArray()).forEach(day -> weekdays.add(ScheduleText.parseWeekday((String) day)));
    List<Restriction.TimeRange> times = new ArrayList<>();
    json.getJsonArray("times", new JsonArray()).forEach(time -> {
      JsonObject range = (JsonObject) time;
      times.add(Restriction.TimeRange.parse(range.getString("start"), range.getString("end")));
    });
    return new Restriction(weekdays, times);
  }

  // ---- overrides and shifts --------------------------------------------------------------------

  public static JsonObject override(ScheduleOverride override) {
    return new JsonObject()
        .put("person", override.person())
        .put("start", override.start().toString())
        .put("end", override.end().toString())
        .put("reason", override.reason());
  }

  public static ScheduleOverride override(JsonObject json) {
    return new ScheduleOverride(
        json.getString("person"), Instant.parse(json.getString("start")), Instant.parse(json.getString("end")),
        json.getString("reason"));
  }

  /** A stored override: its id, schedule, who made it and when, and the override's own keys. */
  public static JsonObject override(StoredOverride stored) {
    return new JsonObject()
        .put("id", stored.id())
        .put("schedule", stored.schedule())
        .mergeIn(override(stored.override()))
        .put("created_by", stored.createdBy())
        .put("created_at", stored.createdAt().toString());
  }

  /** {@code {person, start, end, layer}} or {@code {person, start, end, override: reason}}. */
  public static JsonObject shift(Shift shift) {
    JsonObject json = new JsonObject()
        .put("person", shift.person())
        .put("start", shift.start().toString())
        .put("end", shift.end().toString());
    if (shift.source() instanceof Source.FromLayer layer) {
      return json.put("layer", layer.layer());
    }
    return json.put("override", ((Source.FromOverride) shift.source()).reason());
  }

  // ---- escalation policies ---------------------------------------------------------------------

  public static JsonObject policy(EscalationPolicy policy) {
    JsonArray levels = new JsonArray();
    for (Level level : policy.levels()) {
      JsonArray targets = new JsonArray();
      level.targets().forEach(target -> targets.add(target(target)));
      levels.add(new JsonObject().put("delay", Durations.format(level.delay())).put("targets", targets));
    }
    return new JsonObject()
        .put("id", policy.id())
        .put("name", policy.name())
        .put("levels", levels)
        .put("repeat", policy.repeat());
  }

  public static EscalationPolicy policy(JsonObject json) {
    List<Level> levels = new ArrayList<>();
    for (Object item : json.getJsonArray("levels")) {
      JsonObject level = (JsonObject) item;
      List<Target> targets = level.getJsonArray("targets").stream().map(t -> target((JsonObject) t)).toList();
      levels.add(new Level(Durations.parse(level.getString("delay")), targets));
    }
    return new EscalationPolicy(json.getString("id"), json.getString("name"), levels, json.getInteger("repeat"));
  }

  private static JsonObject target(Target target) {
    if (target instanceof Target.OnCall onCall) {
      return new JsonObject().put("schedule", onCall.schedule());
    } else if (target instanceof Target.OnePerson person) {
      return new JsonObject().put("person", person.person());
    }
    return new JsonObject().put("team", ((Target.WholeTeam) target).team());
  }

  private static Target target(JsonObject json) {
    if (json.containsKey("schedule")) {
      return new Target.OnCall(json.getString("schedule"));
    } else if (json.containsKey("person")) {
      return new Target.OnePerson(json.getString("person"));
    }
    return new Target.WholeTeam(json.getString("team"));
  }
}
