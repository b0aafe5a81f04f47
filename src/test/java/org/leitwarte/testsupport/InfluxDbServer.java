package org.leitwarte.testsupport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.leitwarte.config.LeitwarteConfig;

/**
 * A real {@code influxd} (InfluxDB 1.x, {@code /usr/bin/influxd}) for tests, listening on 127.0.0.1 only,
 * with its data in a temporary directory.
 *
 * <p>Two ways to get one:
 *
 * <ul>
 *   <li>shared, started once per test JVM: annotate the class with {@code
 *       @ExtendWith(InfluxDbExtension.class)} and take an {@code InfluxDbServer} parameter (test method,
 *       constructor or lifecycle method). Use a database of your own per test class, e.g. {@code
 *       "t_" + UUID}, and do not stop the shared server;
 *   <li>private, for tests that stop and start InfluxDB (outages): {@code try (InfluxDbServer influx =
 *       InfluxDbServer.start()) { … }}.
 * </ul>
 *
 * <p>{@link #stop()} and {@link #restart()} keep the ports and the data, like an InfluxDB that goes down
 * and comes back. {@link #close()} stops the process (by its PID) and deletes the directory.
 *
 * <pre>{@code
 * influx.createDatabase("metrics");
 * List<Map<String, Object>> rows = influx.query("metrics", "SELECT count(v) FROM cpu");
 * long count = (Long) rows.get(0).get("count");      // integers come back as Long, floats as Double
 * LeitwarteConfig.Influx config = influx.config("metrics");  // for code under test
 * }</pre>
 */
public final class InfluxDbServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final int httpPort;
  /** The administrator's {@code u} and {@code p} for {@link #query} when authentication is on. */
  private volatile Optional<String[]> administrator = Optional.empty();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;

  private InfluxDbServer(Path dir, int httpPort) {
    this.dir = dir;
    this.httpPort = httpPort;
  }

  /** Starts a new influxd on free loopback ports in a fresh temporary directory; returns when it answers. */
  public static InfluxDbServer start() {
    return start(false);
  }

  /**
   * Like {@link #start()}, with {@code auth-enabled = true} as in production: {@code admin} (password
   * {@code admin-passwort}) is made the first user, and {@link #query} signs in as it.
   */
  public static InfluxDbServer startWithAuthentication() {
    InfluxDbServer server = start(true);
    server.query("CREATE USER admin WITH PASSWORD 'admin-passwort' WITH ALL PRIVILEGES");
    server.administrator = Optional.of(new String[] {"admin", "admin-passwort"});
    return server;
  }

  private static InfluxDbServer start(boolean authentication) {
    try {
      Path dir = Files.createTempDirectory("influxdb-test-");
      int httpPort = freePort();
      int rpcPort = freePort();
      Files.writeString(dir.resolve("influxdb.conf"), """
          reporting-disabled = true
          bind-address = "127.0.0.1:%d"
          [meta]
            dir = "%s/meta"
          [data]
            dir = "%s/data"
            wal-dir = "%s/wal"
            query-log-enabled = false
          [monitor]
            store-enabled = false
          [http]
            bind-address = "127.0.0.1:%d"
            log-enabled = false
            auth-enabled = %b
          [logging]
            level = "warn"
          """.formatted(rpcPort, dir, dir, dir, httpPort, authentication));
      InfluxDbServer server = new InfluxDbServer(dir, httpPort);
      // influxd would outlive a test JVM that exits without closing the server.
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "influxd-stopper"));
      server.restart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  public int port() {
    return httpPort;
  }

  /** A writer configuration for this server: {@code autogen}, batches of 5,000 lines, flushed every second. */
  public LeitwarteConfig.Influx config(String database) {
    return new LeitwarteConfig.Influx(url(), database, "autogen", Duration.ZERO, Optional.empty(), Optional.empty(),
        5_000, Duration.ofSeconds(1));
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops influxd (SIGTERM, then SIGKILL after 15 s); data and ports are kept for {@link #restart()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    Processes.stop(process, Duration.ofSeconds(15));
    process = null;
  }

  /** Starts influxd again on the same ports and data (stopping it first if it runs); returns when it answers. */
  public synchronized void restart() {
    stop();
    try {
      process = new ProcessBuilder("influxd", "run", "-config", dir.resolve("influxdb.conf").toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run influxd (is the influxdb package installed?)", e);
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String log = readLog();
        stop();
        throw new IllegalStateException("influxd did not become ready on port " + httpPort + "; log:\n" + log);
      }
      sleep(Duration.ofMillis(20));
    }
  }

  /** {@code CREATE DATABASE}, if it does not exist. */
  public void createDatabase(String name) {
    query("CREATE DATABASE \"" + name + "\"");
  }

  /** Runs InfluxQL without a default database (qualify names: {@code "db"."autogen"."m"}, {@code ON db}). */
  public List<Map<String, Object>> query(String influxql) {
    return query(null, influxql);
  }

  /**
   * Runs InfluxQL (sent as POST, so {@code CREATE}/{@code DROP} work too) and returns the rows of the first
   * statement, from all its series: column name to value, plus the series' {@code GROUP BY} tags.
   * Integers come back as {@link Long}, floats as {@link Double}, times as RFC 3339 strings.
   *
   * @throws IllegalStateException with InfluxDB's message when the query fails
   */
  public List<Map<String, Object>> query(String database, String influxql) {
    StringBuilder form = new StringBuilder("q=").append(URLEncoder.encode(influxql, StandardCharsets.UTF_8));
    if (database != null) {
      form.append("&db=").append(URLEncoder.encode(database, StandardCharsets.UTF_8));
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(url().resolve("/query"));
    administrator.ifPresent(user -> builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8))));
    HttpRequest request = builder
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
        .timeout(Duration.ofSeconds(30))
        .build();
    HttpResponse<String> response = send(request);
    JsonObject body = response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
    if (response.statusCode() != 200 || body.containsKey("error")) {
      throw new IllegalStateException("InfluxQL '" + influxql + "' failed: HTTP " + response.statusCode() + " " + response.body());
    }
    JsonObject result = body.getJsonArray("results", new JsonArray()).getJsonObject(0);
    if (result.containsKey("error")) {
      throw new IllegalStateException("InfluxQL '" + influxql + "' failed: " + result.getString("error"));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object seriesObject : result.getJsonArray("series", new JsonArray())) {
      JsonObject series = (JsonObject) seriesObject;
      JsonArray columns = series.getJsonArray("columns");
      JsonObject tags = series.getJsonObject("tags", new JsonObject());
      for (Object valuesObject : series.getJsonArray("values", new JsonArray())) {
        JsonArray values = (JsonArray) valuesObject;
        Map<String, Object> row = new LinkedHashMap<>();
        tags.forEach(tag -> row.put(tag.getKey(), tag.getValue()));
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.getString(i), normalized(values.getValue(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Stops influxd and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is not worth failing a test run for.
    }
  }

  @Override
  public String toString() {
    return "influxd on " + url() + " in " + dir;
  }

  private boolean answersPing() {
    HttpRequest ping = HttpRequest.newBuilder(url().resolve("/ping")).timeout(Duration.ofSeconds(1)).GET().build();
    try {
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("InfluxDB on port " + httpPort + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Object normalized(Object value) {
    if (value instanceof Integer number) {
      return number.longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    return value;
  }

  private String readLog() {
    try {
      return Files.readString(dir.resolve("influxd.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    return FreePorts.tcp();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
