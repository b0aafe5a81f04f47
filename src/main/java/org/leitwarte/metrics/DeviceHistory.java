package org.leitwarte.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.QueryResult;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's last 24 hours from InfluxDB, for the small charts of its page: latency, packet loss and CPU
 * load, each averaged per {@link #BUCKET}. Queries run on a worker thread, never on an event loop; an
 * InfluxDB that is down or slower than {@link #TIMEOUT} gives an empty list rather than a failure, so that
 * the page still renders. {@link #latestChecks} reads the latest result of each service check the same way.
 */
public final class DeviceHistory implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(2);
  public static final Duration BUCKET = Duration.ofMinutes(15);
  /** The inventory's rule for device ids; anything else is never sent to InfluxDB. */
  private static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");
  private static final Logger LOG = LoggerFactory.getLogger(DeviceHistory.class);
  private static final String RANGE = " WHERE device = $device AND time > now() - 24h";
  private static final String GROUP = " GROUP BY time(15m) fill(none)";
  /** Whole points, not {@code last(*)}: the fields of one result must not mix with an older one's. */
  private static final String LATEST_CHECKS =
      "SELECT * FROM %s.service_check" + RANGE + " GROUP BY \"check\" ORDER BY time DESC LIMIT 1";

  /** The charts, in the order the page shows them; the device id is a bound parameter, never spliced in. */
  private static final List<Query> QUERIES = List.of(
      new Query("latency", "ms", "SELECT mean(rtt_avg_ms) FROM %s.icmp" + RANGE + GROUP),
      new Query("loss", "%", "SELECT mean(loss_pct) FROM %s.icmp" + RANGE + GROUP),
      new Query("cpu", "%", "SELECT mean(load_pct) FROM %s.cpu" + RANGE + " AND cpu = 'all'" + GROUP));

  private final Vertx vertx;
  private final InfluxDB influx;
  private final String database;
  private final String retentionPolicy;

  private DeviceHistory(Vertx vertx, InfluxDB influx, String database, String retentionPolicy) {
    this.vertx = vertx;
    this.influx = influx;
    this.database = database;
    this.retentionPolicy = retentionPolicy;
  }

  /**
   * Prepares the reader; nothing is sent yet.
   *
   * @throws IllegalStateException when the password cannot be resolved
   */
  public static DeviceHistory create(Vertx vertx, LeitwarteConfig.Influx config) {
    Objects.requireNonNull(vertx, "vertx");
    // Short timeouts: a person waits for the page.
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    String url = config.url().toString();
    InfluxDB influx = config.username().isPresent()
        ? InfluxDBFactory.connect(url, config.username().get(), config.password().map(Secret::reveal).orElse(""), http)
        : InfluxDBFactory.connect(url, http);
    return new DeviceHistory(vertx, influx, config.database(), config.retentionPolicy());
  }

  /** A point of a chart: the start of its bucket and the bucket's mean. */
  public record Point(Instant time, double value) {}

  /**
   * One chart's series.
   *
   * @param name {@code latency}, {@code loss} or {@code cpu}
   * @param unit {@code ms} or {@code %}
   */
  public record Series(String name, String unit, List<Point> points) {

    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unit, "unit");
      points = List.copyOf(points);
    }
  }

  /**
   * The device's charts that have points, in a fixed order; empty when the device id is not a valid one,
   * when nothing was written for it, or when InfluxDB did not answer within {@link #TIMEOUT}.
   */
  public Future<List<Series>> lastDay(String device) {
    if (device == null || !DEVICE_ID.matcher(device).matches()) {
      return Future.succeededFuture(List.of());
    }
    return vertx.<List<Series>>executeBlocking(() -> query(device), false)
        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .recover(failure -> {
          LOG.debug("History of device {} not available: {}", device, failure.toString());
          return Future.succeededFuture(List.of());
        });
  }

  /**
   * The latest result of each of the device's service checks in the last 24 hours, by check name (a check
   * with no result then is missing); empty when InfluxDB did not answer within {@link #TIMEOUT} or the
   * device id is not a valid one, so that the page can say the results are not available.
   */
  public Future<Optional<Map<String, CheckReading>>> latestChecks(String device) {
    if (device == null || !DEVICE_ID.matcher(device).matches()) {
      return Future.succeededFuture(Optional.empty());
    }
    return vertx.<Optional<Map<String, CheckReading>>>executeBlocking(() -> Optional.of(queryChecks(device)), false)
        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .recover(failure -> {
          LOG.debug("Service check results of device {} not available: {}", device, failure.toString());
          return Future.succeededFuture(Optional.empty());
        });
  }

  private Map<String, CheckReading> queryChecks(String device) {
    QueryResult.Result result = ask(device, LATEST_CHECKS.formatted(policy())).get(0);
    if (result.getError() != null) {
      throw new IllegalStateException(result.getError());
    }
    Map<String, CheckReading> latest = new HashMap<>();
    for (QueryResult.Series series : result.getSeries() == null ? List.<QueryResult.Series>of() : result.getSeries()) {
      String check = series.getTags() == null ? null : series.getTags().get("check");
      if (check == null || check.isEmpty() || series.getValues() == null) {
        continue;
      }
      series.getValues().stream().findFirst()
          .flatMap(row -> CheckReading.of(check, series.getColumns(), row))
          .ifPresent(reading -> latest.put(check, reading));
    }
    return Map.copyOf(latest);
  }

  /** The writer's retention policy, which need not be the default one, quoted for InfluxQL. */
  private String policy() {
    return '"' + retentionPolicy.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Runs the statements with the device id as a bound parameter, never spliced in. */
  private List<QueryResult.Result> ask(String device, String statements) {
    QueryResult answer = influx.query(BoundParameterQuery.QueryBuilder.newQuery(statements)
        .forDatabase(database)
        .bind("device", device)
        .create(), TimeUnit.MILLISECONDS);
    if (answer.getError() != null || answer.getResults() == null || answer.getResults().isEmpty()) {
      throw new IllegalStateException(answer.getError());
    }
    return answer.getResults();
  }

  private List<Series> query(String device) {
    String policy = policy();
    String statements = String.join("; ", QUERIES.stream().map(query -> query.influxQl().formatted(policy)).toList());
    List<QueryResult.Result> results = ask(device, statements);
    List<Series> charts = new ArrayList<>();
    for (int i = 0; i < QUERIES.size() && i < results.size(); i++) {
      QueryResult.Result result = results.get(i);
      if (result.getError() != null) {
        throw new IllegalStateException(result.getError());
      }
      List<Point> points = points(result);
      if (!points.isEmpty()) {
        charts.add(new Series(QUERIES.get(i).name(), QUERIES.get(i).unit(), points));
      }
    }
    return charts;
  }

  private static List<Point> points(QueryResult.Result result) {
    List<Point> points = new ArrayList<>();
    for (QueryResult.Series series : result.getSeries() == null ? List.<QueryResult.Series>of() : result.getSeries()) {
      for (List<Object> row : series.getValues()) {
        if (row.get(0) instanceof Number time && row.get(1) instanceof Number value) {
          points.add(new Point(Instant.ofEpochMilli(time.longValue()), value.doubleValue()));
        }
      }
    }
    return points;
  }

  @Override
  public void close() {
    influx.close();
  }

  private record Query(String name, String unit, String influxQl) {}
}
