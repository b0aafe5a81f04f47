package org.leitwarte.metrics;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking access to the InfluxDB v1 HTTP API through influxdb-java: writes raw lines with millisecond
 * precision and creates the database and retention policy. Every call blocks; call it from one worker
 * thread, never from an event loop. Outcomes come back as {@link InfluxOutcome}, never as exceptions.
 */
public final class InfluxClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxClient.class);
  private static final String AUTOGEN = "autogen";
  private static final int MAX_MESSAGE_LENGTH = 500;

  private final InfluxDB influx;
  private final String database;
  private final String retentionPolicy;
  private final Duration retention;
  private final String endpoint;

  private InfluxClient(InfluxDB influx, LeitwarteConfig.Influx config) {
    this.influx = influx;
    this.database = config.database();
    this.retentionPolicy = config.retentionPolicy();
    this.retention = config.retention();
    this.endpoint = withoutUserInfo(config.url());
  }

  /**
   * Prepares a client; nothing is sent yet.
   *
   * @throws IllegalStateException when the password cannot be resolved (the message names the variable
   *     or file, never the value)
   */
  public static InfluxClient connect(LeitwarteConfig.Influx config) {
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .addInterceptor(InfluxClient::keepHttpStatus);
    String url = config.url().toString();
    InfluxDB influx = config.username().isPresent()
        ? InfluxDBFactory.connect(url, config.username().get(),
            config.password().map(Secret::reveal).orElse(""), http)
        : InfluxDBFactory.connect(url, http);
    return new InfluxClient(influx, config);
  }

  /** The server URL as it may appear in logs: without any user info. */
  public String endpoint() {
    return endpoint;
  }

  /** Writes the lines (line protocol, timestamps in milliseconds) in one request. */
  public InfluxOutcome write(List<String> lines) {
    try {
      influx.write(database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lines);
      return InfluxOutcome.OK;
    } catch (RuntimeException e) {
      return outcomeOf(e);
    }
  }

  /**
   * Creates the database and, unless it is {@code autogen}, the retention policy as the default one
   * ({@code retention} zero means infinite). Both are left alone when they exist; they are looked for
   * first, because a user with only write privileges (production) may list but not create them.
   */
  public InfluxOutcome ensureDatabase() {
    try {
      if (!databaseExists()) {
        query("CREATE DATABASE " + identifier(database), null);
      }
      if (!retentionPolicy.equals(AUTOGEN)) {
        ensureRetentionPolicy();
      }
      return InfluxOutcome.OK;
    } catch (RuntimeException e) {
      return outcomeOf(e);
    }
  }

  private boolean databaseExists() {
    for (QueryResult.Result result : query("SHOW DATABASES", null).getResults()) {
      for (QueryResult.Series series : result.getSeries() == null ? List.<QueryResult.Series>of() : result.getSeries()) {
        for (List<Object> row : series.getValues() == null ? List.<List<Object>>of() : series.getValues()) {
          if (database.equals(row.get(0))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void ensureRetentionPolicy() {
    QueryResult policies = query("SHOW RETENTION POLICIES ON " + identifier(database), database);
    for (QueryResult.Result result : policies.getResults()) {
      for (QueryResult.Series series : result.getSeries() == null ? List.<QueryResult.Series>of() : result.getSeries()) {
        int nameColumn = series.getColumns().indexOf("name");
        int durationColumn = series.getColumns().indexOf("duration");
        for (List<Object> row : series.getValues()) {
          if (retentionPolicy.equals(row.get(nameColumn))) {
            LOG.debug("Retention policy {} on {} exists with duration {}", retentionPolicy, database, row.get(durationColumn));
            return;
          }
        }
      }
    }
    String duration = retention.isZero() ? "INF" : retention.toSeconds() + "s";
    query("CREATE RETENTION POLICY " + identifier(retentionPolicy) + " ON " + identifier(database)
        + " DURATION " + duration + " REPLICATION 1 DEFAULT", database);
    LOG.info("Created retention policy {} on database {} at {} (duration {})", retentionPolicy, database, endpoint, duration);
  }

  private QueryResult query(String command, String queryDatabase) {
    QueryResult result = influx.query(new Query(command, queryDatabase, true));
    String error = result.getError();
    if (error == null && result.getResults() != null) {
      error = result.getResults().stream().map(QueryResult.Result::getError).filter(e -> e != null).findFirst().orElse(null);
    }
    if (error != null) {
      throw new InfluxDBException(error);
    }
    return result;
  }

  @Override
  public void close() {
    influx.close();
  }

  private static InfluxOutcome outcomeOf(RuntimeException e) {
    if (e.getCause() instanceof HttpStatusException status) {
      return InfluxOutcome.ofHttpStatus(status.status, status.error);
    }
    String reason = e.getCause() instanceof IOException io ? io.getClass().getSimpleName() + ": " + io.getMessage()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    if (reason.toLowerCase(Locale.ROOT).contains("database not found")) {
      return new InfluxOutcome.DatabaseMissing(reason);
    }
    return new InfluxOutcome.Unavailable(truncate(reason));
  }

  /**
   * influxdb-java turns an error answer into an exception that has lost the HTTP status; this keeps it,
   * so that outcomes are classified by status rather than by guessing from the text.
   */
  private static Response keepHttpStatus(okhttp3.Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      throw new HttpStatusException(response.code(), errorMessage(text));
    }
  }

  private static String errorMessage(String body) {
    try {
      String error = new JsonObject(body).getString("error");
      return truncate(error == null ? body : error);
    } catch (DecodeException | ClassCastException e) {
      return truncate(body);
    }
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "…";
  }

  private static String identifier(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String withoutUserInfo(URI url) {
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
    } catch (URISyntaxException e) {
      return url.getScheme() + "://" + url.getHost();
    }
  }

  /** An HTTP error answer, carried through influxdb-java as the cause of its exception. */
  private static final class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    HttpStatusException(int status, String error) {
      super("HTTP " + status + ": " + error);
      this.status = status;
      this.error = error;
    }
  }
}
