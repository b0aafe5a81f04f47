package org.leitwarte.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway database {@code leitwarte_test_<random>} on the PostgreSQL at 127.0.0.1:5432 (user
 * postgres, trust authentication), created from the {@code postgres} database and dropped on {@link
 * #close()}. If PostgreSQL is not running, {@link #create()} fails (the test fails, it is not skipped)
 * and says how to start it.
 */
public final class PostgresDatabase implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5432;
  public static final String USER = "postgres";

  private final int port;
  private final String name;
  private boolean dropped;

  private PostgresDatabase(int port, String name) {
    this.port = port;
    this.name = name;
  }

  /** Creates a fresh, empty database. */
  public static PostgresDatabase create() {
    return create(PORT);
  }

  static PostgresDatabase create(int port) {
    String name = "leitwarte_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(port, "CREATE DATABASE " + name);
    return new PostgresDatabase(port, name);
  }

  public String name() {
    return name;
  }

  /** The form leitwarte.yaml takes: {@code postgresql://postgres@127.0.0.1:5432/leitwarte_test_…}. */
  public String url() {
    return "postgresql://" + USER + "@" + HOST + ":" + port + "/" + name;
  }

  /** For plain JDBC in tests, with {@link #USER} and no password. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + port + "/" + name;
  }

  /** Drops the database, ending any connection a test left open. */
  @Override
  public synchronized void close() {
    if (!dropped) {
      execute(port, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      dropped = true;
    }
  }

  private static void execute(int port, String sql) {
    String adminUrl = "jdbc:postgresql://" + HOST + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(adminUrl, USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState())) {
        throw new IllegalStateException(
            "PostgreSQL is not reachable at "
                + HOST
                + ":"
                + port
                + " ("
                + e.getMessage()
                + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
            e);
      }
      throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
    }
  }
}
