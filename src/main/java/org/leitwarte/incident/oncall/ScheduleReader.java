package org.leitwarte.incident.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;

/** Reads one entry of {@code schedules:} in {@code oncall.yaml}: its layers, rotations, restrictions and overrides. */
final class ScheduleReader {

  static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");
  private static final Pattern WEEKLY_HANDOVER = Pattern.compile("(\\S+)\\s+(\\S+)");

  private final OnCallRefs refs;

  ScheduleReader(OnCallRefs refs) {
    this.refs = refs;
  }

  Optional<OnCallSchedule> read(YamlMap map, Optional<String> id) {
    String name = map.string("name", id.orElse(""));
    Optional<String> team = map.optionalString("team");
    team.ifPresent(t -> OnCallRefs.check(map, "team", "team", t, refs.teams));
    ZoneId zone = map.value("time_zone", ScheduleText::parseZone, DEFAULT_ZONE);
    List<YamlMap> layerMaps = map.mapList("layers");
    if (!map.has("layers")) {
      map.missing("layers", "a schedule needs at least one layer");
    } else if (layerMaps.isEmpty()) {
      map.problem("layers", "a schedule needs at least one layer");
    }
    List<Layer> layers = new ArrayList<>();
    Map<String, YamlMap> layerNames = new HashMap<>();
    for (int i = 0; i < layerMaps.size(); i++) {
      readLayer(layerMaps.get(i), i, zone, layerNames).ifPresent(layers::add);
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (YamlMap override : map.mapList("overrides")) {
      readOverride(override, zone).ifPresent(overrides::add);
    }
    if (id.isEmpty() || layers.size() != layerMaps.size() || layers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new OnCallSchedule(id.get(), name, team, zone, layers, overrides));
  }

  private Optional<Layer> readLayer(YamlMap map, int index, ZoneId zone, Map<String, YamlMap> names) {
    String name = map.string("name", "layer " + (index + 1));
    map.describe(map.where().replaceFirst("layers\\[\\d+]$", "layer '" + name + "'"));
    YamlMap earlier = names.putIfAbsent(name, map);
    if (earlier != null) {
      map.problem("name", "layer '" + name + "' is already defined at " + earlier.source());
    }
    Optional<Rotation> rotation = readRotation(map, zone);
    List<String> people = refs.people(map, "people", true, "the rotation has nobody in it");
    Optional<Restriction> restriction = map.optionalMap("restrict").flatMap(ScheduleReader::readRestriction);
    if (rotation.isEmpty() || people.isEmpty() || (map.has("restrict") && restriction.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Layer(name, rotation.get(), people, restriction));
  }

  private static Optional<Rotation> readRotation(YamlMap map, ZoneId zone) {
    String kind = map.required("rotation", ScheduleReader::rotationKind);
    if (kind == null) {
      return Optional.empty();
    }
    if (kind.equals("custom")) {
      if (map.has("handover")) {
        map.problem("handover", "a custom rotation hands over every 'length' from 'start'; give no handover");
      }
      Instant start = map.required("start", text -> ScheduleText.parseInstant(text, zone));
      Duration length = map.required("length", YamlParsers.duration(Duration.ofMinutes(1)));
      return start == null || length == null ? Optional.empty() : Optional.of(new Rotation.Custom(start, length));
    }
    if (map.has("length")) {
      map.problem("length", "only a custom rotation has a length (a " + kind + " one hands over at 'handover')");
    }
    LocalDate start = map.required("start", ScheduleText::parseDate);
    if (kind.equals("daily")) {
      LocalTime time = map.required("handover", ScheduleText::parseTime);
      return start == null || time == null ? Optional.empty() : Optional.of(new Rotation.Daily(time, start));
    }
    WeeklyHandover handover = map.required("handover", ScheduleReader::weeklyHandover);
    if (start == null || handover == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Rotation.Weekly(handover.day(), handover.time(), start));
    } catch (IllegalArgumentException e) {
      map.problem("start", e.getMessage().replaceFirst("^start: ", ""));
      return Optional.empty();
    }
  }

  private static String rotationKind(String text) {
    String kind = text.strip();
    if (!kind.equals("daily") && !kind.equals("weekly") && !kind.equals("custom")) {
      throw new IllegalArgumentException("expected daily, weekly or custom, got '" + kind + "'");
    }
    return kind;
  }

  private record WeeklyHandover(DayOfWeek day, LocalTime time) {}

  private static WeeklyHandover weeklyHandover(String text) {
    Matcher matcher = WEEKLY_HANDOVER.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected a weekday and a time like 'monday 09:00', got '" + text.strip() + "'");
    }
    return new WeeklyHandover(ScheduleText.parseWeekday(matcher.group(1)), ScheduleText.parseTime(matcher.group(2)));
  }

  private static Optional<Restriction> readRestriction(YamlMap map) {
    boolean ok = true;
    Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    for (String day : map.stringList("weekdays")) {
      try {
        weekdays.add(ScheduleText.parseWeekday(day));
      } catch (IllegalArgumentException e) {
        map.problem("weekdays", e.getMessage());
        ok = false;
      }
    }
    if (map.has("weekdays") && weekdays.isEmpty() && ok) {
      map.problem("weekdays", "an empty list restricts the layer to nothing (leave the key out for every day)");
      ok = false;
    }
    List<Restriction.TimeRange> times = new ArrayList<>();
    List<YamlMap> timeMaps = map.mapList("times");
    if (map.has("times") && timeMaps.isEmpty()) {
      map.problem("times", "an empty list restricts the layer to nothing (leave the key out for the whole day)");
      ok = false;
    }
    for (YamlMap time : timeMaps) {
      Integer start = time.required("start", text -> ScheduleText.minuteOfDay(text, false));
      Integer end = time.required("end", text -> ScheduleText.minuteOfDay(text, true));
      if (start == null || end == null) {
        ok = false;
      } else if (start.equals(end)) {
        time.problem("end", "must differ from start (" + ScheduleText.time(start) + ")");
        ok = false;
      } else {
        times.add(new Restriction.TimeRange(start, end));
      }
    }
    if (!map.has("weekdays") && !map.has("times")) {
      map.report("names neither weekdays nor times, so the layer would cover nothing");
      ok = false;
    }
    return ok ? Optional.of(new Restriction(weekdays, times)) : Optional.empty();
  }

  private Optional<ScheduleOverride> readOverride(YamlMap map, ZoneId zone) {
    String person = map.string("person");
    if (person != null) {
      map.describe(map.where().replaceFirst("overrides\\[\\d+]$", "override for '" + person + "'"));
      OnCallRefs.check(map, "person", "person", person, refs.people);
    }
    Instant start = map.required("start", text -> ScheduleText.parseInstant(text, zone));
    Instant end = map.required("end", text -> ScheduleText.parseInstant(text, zone));
    String reason = map.string("reason");
    if (start != null && end != null && !end.isAfter(start)) {
      map.problem("end", "must be after start");
      return Optional.empty();
    }
    if (person == null || start == null || end == null || reason == null) {
      return Optional.empty();
    }
    return Optional.of(new ScheduleOverride(person, start, end, reason));
  }
}
