package org.leitwarte.incident.oncall;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problems;
import org.leitwarte.config.Secret;
import org.leitwarte.config.YamlFile;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;

/**
 * Reads {@code oncall.yaml} (people, teams, schedules, escalation policies; the format is documented in
 * {@code alert-rules/oncall.yaml}). Ids are gathered first, so references may point further down the
 * file; every problem is collected and thrown together as {@code oncall.yaml:line: message}.
 */
public final class OnCallLoader {

  /** The file's name; it lives in the rules folder, beside the rule files. */
  public static final String FILE_NAME = "oncall.yaml";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final Problems problems = new Problems();
  private final Map<String, String> environment;
  private final OnCallRefs refs = new OnCallRefs();
  private final Map<String, Secret> webhooks = new LinkedHashMap<>();

  private OnCallLoader(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Loads one on-call file.
   *
   * @param environment the variables {@code ${env:NAME}} webhooks are resolved with
   * @throws ConfigException listing every problem as {@code file:line: message}
   */
  public static OnCallConfig load(Path file, Map<String, String> environment) throws ConfigException {
    OnCallLoader loader = new OnCallLoader(environment);
    Path name = file.getFileName();
    Optional<YamlMap> root = YamlFile.read(file, name == null ? file.toString() : name.toString(), loader.problems);
    OnCallConfig config = root.map(loader::read).orElse(OnCallConfig.EMPTY);
    loader.problems.throwIfAny();
    return config;
  }

  /** Loads {@code oncall.yaml} from the rules folder; nobody and nothing when the folder has none. */
  public static OnCallConfig loadFromRulesFolder(Path rulesFolder, Map<String, String> environment)
      throws ConfigException {
    Path file = rulesFolder.resolve(FILE_NAME);
    return Files.exists(file) ? load(file, environment) : OnCallConfig.EMPTY;
  }

  private OnCallConfig read(YamlMap root) {
    List<YamlMap> people = root.mapList("people");
    List<YamlMap> teams = root.mapList("teams");
    List<YamlMap> schedules = root.mapList("schedules");
    List<YamlMap> policies = root.mapList("escalation_policies");
    List<Optional<String>> personIds = people.stream().map(m -> OnCallRefs.register(m, "person", refs.people)).toList();
    List<Optional<String>> teamIds = teams.stream().map(m -> OnCallRefs.register(m, "team", refs.teams)).toList();
    List<Optional<String>> scheduleIds =
        schedules.stream().map(m -> OnCallRefs.register(m, "schedule", refs.schedules)).toList();
    List<Optional<String>> policyIds =
        policies.stream().map(m -> OnCallRefs.register(m, "escalation policy", refs.policies)).toList();

    List<Person> readPeople = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      readPerson(people.get(i), personIds.get(i)).ifPresent(readPeople::add);
    }
    List<Team> readTeams = new ArrayList<>();
    for (int i = 0; i < teams.size(); i++) {
      readTeam(teams.get(i), teamIds.get(i)).ifPresent(readTeams::add);
    }
    ScheduleReader scheduleReader = new ScheduleReader(refs);
    List<OnCallSchedule> readSchedules = new ArrayList<>();
    for (int i = 0; i < schedules.size(); i++) {
      scheduleReader.read(schedules.get(i), scheduleIds.get(i)).ifPresent(readSchedules::add);
    }
    PolicyReader policyReader = new PolicyReader(refs);
    List<EscalationPolicy> readPolicies = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      policyReader.read(policies.get(i), policyIds.get(i)).ifPresent(readPolicies::add);
    }
    root.finish();
    return new OnCallConfig(readPeople, readTeams, readSchedules, readPolicies, webhooks);
  }

  private Optional<Person> readPerson(YamlMap map, Optional<String> id) {
    String name = map.string("name");
    Optional<String> email = map.optional("email", OnCallLoader::email);
    Optional<String> phone = map.optional("phone", OnCallLoader::phone);
    Optional<Secret> webhook = map.optionalString("webhook").map(Secret::of);
    Optional<URI> webhookUri = webhook.flatMap(w -> webhookUri(map, w));
    String language = map.value("language", OnCallLoader::language, "de");
    if (!map.has("email") && !map.has("phone") && !map.has("webhook")) {
      map.report("no way to reach them: give an email, a phone or a webhook");
    }
    if (id.isEmpty() || name == null) {
      return Optional.empty();
    }
    webhook.ifPresent(w -> webhooks.put(id.get(), w));
    return Optional.of(new Person(id.get(), name, email, phone, webhookUri, language));
  }

  /** The resolved webhook URL; messages never show it, since it may carry a token. */
  private Optional<URI> webhookUri(YamlMap map, Secret webhook) {
    Optional<String> problem = webhook.problem(environment);
    if (problem.isPresent()) {
      map.problem("webhook", problem.get());
      return Optional.empty();
    }
    try {
      URI uri = new URI(webhook.reveal(environment).strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    map.problem("webhook", "expected an http:// or https:// URL");
    return Optional.empty();
  }

  private Optional<Team> readTeam(YamlMap map, Optional<String> id) {
    String name = map.string("name", id.orElse(""));
    List<String> members = refs.people(map, "members", false, "a team needs at least one member");
    Optional<String> policy = map.optionalString("policy");
    policy.ifPresent(p -> OnCallRefs.check(map, "policy", "escalation policy", p, refs.policies));
    return id.map(i -> new Team(i, name, members, policy));
  }

  private static String email(String text) {
    String trimmed = text.strip();
    if (!EMAIL.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("expected a mail address like m.mueller@kdo.example, got '" + trimmed + "'");
    }
    return trimmed;
  }

  private static String phone(String text) {
    String trimmed = text.strip();
    if (!PHONE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "expected an international number without spaces like +4915112345678, got '" + trimmed + "'");
    }
    return trimmed;
  }

  private static String language(String text) {
    String trimmed = YamlParsers.nonEmpty().parse(text).strip();
    if (!trimmed.equals("de") && !trimmed.equals("en")) {
      throw new IllegalArgumentException("expected de or en, got '" + trimmed + "'");
    }
    return trimmed;
  }
}
