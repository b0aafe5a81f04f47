package org.leitwarte.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code leitwarte.yaml} into a {@link LeitwarteConfig}: every key checked, every default filled
 * in, every relative path resolved against the directory of the file, every secret checked to resolve.
 * All problems are collected and thrown together.
 */
public final class ConfigLoader {

  static final String DEFAULT_STORE_URL = "jdbc:h2:file:./data/leitwarte";
  private static final Duration MIN_RETENTION = Duration.ofHours(1);
  private static final Duration ONE_MS = Duration.ofMillis(1);

  private final Problems problems = new Problems();
  private final Map<String, String> environment;
  private final Path directory;

  private ConfigLoader(Path file, Map<String, String> environment) {
    this.environment = environment;
    Path parent = file.toAbsolutePath().normalize().getParent();
    this.directory = parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  /**
   * Loads and validates the configuration.
   *
   * @param environment the variables {@code ${env:NAME}} secrets are checked against (usually {@code
   *     System.getenv()})
   * @throws ConfigException listing every problem as {@code file:line: message}
   */
  public static LeitwarteConfig load(Path file, Map<String, String> environment) throws ConfigException {
    return new ConfigLoader(file, environment).read(file);
  }

  private LeitwarteConfig read(Path file) throws ConfigException {
    // Messages name the file as users know it, leitwarte.yaml:3, whatever directory it is in.
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    Optional<YamlMap> parsed = YamlFile.read(file, name, problems);
    if (parsed.isEmpty()) {
      throw problems.exception();
    }
    YamlMap root = parsed.get();
    LeitwarteConfig.Http http = http(root.map("http"));
    LeitwarteConfig.Store store = store(root.map("store"));
    LeitwarteConfig.Influx influx = influx(root.map("influx"));
    LeitwarteConfig.Spool spool = spool(root.map("spool"));
    List<Path> inventory = inventory(root);
    LeitwarteConfig.Polling polling = polling(root.map("polling"));
    LeitwarteConfig.Icmp icmp = icmp(root.map("icmp"));
    Optional<Path> rules = root.optionalString("rules").map(this::resolve);
    NotifyConfigReader notifyReader = new NotifyConfigReader(environment);
    LeitwarteConfig.Incidents incidents = notifyReader.incidents(root.map("incidents"));
    LeitwarteConfig.Notify notify = notifyReader.notify(root.map("notify"));
    Optional<LeitwarteConfig.Grafana> grafana = root.optionalMap("grafana")
        .map(section -> section.required("url", ConfigLoader::httpUrl))
        .map(LeitwarteConfig.Grafana::new);
    // discovery: holds SNMP credentials in the inventory's form; org.leitwarte.discovery reads and checks it.
    root.has("discovery");
    LeitwarteConfig.ServiceChecks serviceChecks = serviceChecks(root.map("service_checks"));
    Optional<LeitwarteConfig.Traps> traps = root.optionalMap("traps").map(new TrapConfigReader(environment)::traps);
    root.finish();
    problems.throwIfAny();
    return new LeitwarteConfig(file, http, store, influx, spool, inventory, polling, icmp, rules, incidents, notify, grafana,
        serviceChecks, traps);
  }

  private LeitwarteConfig.Http http(YamlMap http) {
    return new LeitwarteConfig.Http(http.string("host", "127.0.0.1"), http.integer("port", 1, 65535, 8080),
        http.bool("secure_cookies", false));
  }

  private LeitwarteConfig.Store store(YamlMap store) {
    String url = store.value("url", this::storeUrl, resolveH2(DEFAULT_STORE_URL));
    return new LeitwarteConfig.Store(url, store.optionalSecret("password", environment));
  }

  /** Checks the form only (the store package parses it fully) and resolves an H2 file path. */
  private String storeUrl(String text) {
    String url = text.strip();
    if (url.startsWith("jdbc:h2:")) {
      return resolveH2(url);
    }
    if (url.startsWith("postgresql://") || url.startsWith("jdbc:postgresql://")) {
      try {
        URI uri = new URI(url.substring(url.indexOf("postgresql://")));
        if (uri.getHost() != null && uri.getPath() != null && uri.getPath().length() > 1) {
          return url;
        }
      } catch (URISyntaxException e) {
        // reported below; the URL is not echoed, it may hold a password
      }
    }
    throw new IllegalArgumentException(
        "expected jdbc:h2:file:PATH, postgresql://user@host:5432/database or jdbc:postgresql://host:5432/database");
  }

  /** {@code jdbc:h2:file:./x} and {@code jdbc:h2:./x} name a path relative to the config file's directory. */
  private String resolveH2(String url) {
    String prefix = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : "jdbc:h2:";
    String rest = url.substring(prefix.length());
    boolean fileUrl = prefix.equals("jdbc:h2:file:") || rest.startsWith("./") || rest.startsWith("../");
    if (!fileUrl || rest.startsWith("~")) {
      return url;
    }
    int settings = rest.indexOf(';');
    String file = settings < 0 ? rest : rest.substring(0, settings);
    String tail = settings < 0 ? "" : rest.substring(settings);
    return "jdbc:h2:file:" + resolve(file) + tail;
  }

  private LeitwarteConfig.Influx influx(YamlMap influx) {
    URI url = influx.required("url", ConfigLoader::httpUrl);
    Duration retention =
        influx.value(
            "retention",
            text -> {
              Duration duration = Durations.parse(text);
              if (!duration.isZero() && duration.compareTo(MIN_RETENTION) < 0) {
                throw new IllegalArgumentException(
                    "must be 0 (keep forever) or at least 1h, got '" + text.strip() + "'");
              }
              return duration;
            },
            Duration.ZERO);
    return new LeitwarteConfig.Influx(
        url,
        influx.string("database", "leitwarte"),
        influx.string("retention_policy", "autogen"),
        retention,
        influx.optionalString("username"),
        influx.optionalSecret("password", environment),
        influx.integer("batch_size", 1, 5000, 5000),
        influx.duration("flush_interval", Duration.ofSeconds(1), ONE_MS));
  }

  private static URI httpUrl(String text) {
    String url = text.strip();
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    String shown = url.contains("@") ? "" : ", got '" + url + "'";
    throw new IllegalArgumentException("expected an http or https URL like http://127.0.0.1:8086" + shown);
  }

  private LeitwarteConfig.Spool spool(YamlMap spool) {
    Path dir = resolve(spool.string("dir", "./data/spool"));
    return new LeitwarteConfig.Spool(dir, spool.bytes("max_bytes", 1L << 30, 1));
  }

  private List<Path> inventory(YamlMap root) {
    if (!root.has("inventory")) {
      root.missing("inventory", "a list of inventory files, e.g. [inventory.yaml]");
      return List.of();
    }
    return root.stringList("inventory").stream().map(this::resolve).toList();
  }

  private LeitwarteConfig.Polling polling(YamlMap polling) {
    Duration interval = polling.duration("interval", Duration.ofSeconds(60), Duration.ofSeconds(1));
    int maxConcurrent = polling.integer("max_concurrent", 1, 100_000, 500);
    YamlMap snmp = polling.map("snmp");
    return new LeitwarteConfig.Polling(
        interval,
        maxConcurrent,
        snmp.duration("timeout", Duration.ofSeconds(2), Duration.ofMillis(10)),
        snmp.integer("retries", 0, 10, 1),
        snmp.integer("max_repetitions", 1, 1000, 25),
        snmp.optional("source_address", AddressLiteral::parse).orElse("0.0.0.0"));
  }

  private LeitwarteConfig.Icmp icmp(YamlMap icmp) {
    String fping = icmp.string("fping", "fping");
    // A bare command name is looked up on PATH when fping is started; anything with a slash is a path.
    Path fpingPath = fping.contains("/") ? resolve(fping) : Path.of(fping);
    return new LeitwarteConfig.Icmp(
        fpingPath,
        icmp.integer("count", 1, 100, 3),
        icmp.duration("period", Duration.ofMillis(100), ONE_MS),
        icmp.duration("timeout", Duration.ofSeconds(1), ONE_MS),
        icmp.duration("gap", Duration.ofMillis(1), Duration.ZERO),
        icmp.integer("batch_size", 1, 10_000, 256));
  }

  private Path resolve(String path) {
    return directory.resolve(path).normalize();
  }

  private LeitwarteConfig.ServiceChecks serviceChecks(YamlMap checks) {
    LeitwarteConfig.ServiceChecks defaults = LeitwarteConfig.ServiceChecks.DEFAULT;
    return new LeitwarteConfig.ServiceChecks(checks.integer("concurrency", 1, 1000, defaults.concurrency()),
        checks.duration("timeout", defaults.timeout(), Duration.ofMillis(10)));
  }
}
