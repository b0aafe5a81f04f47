package org.leitwarte.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresDatabaseTest {

  @Test
  void a_fresh_database_is_usable_and_gone_after_close() throws SQLException {
    PostgresDatabase database = PostgresDatabase.create();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresDatabase.USER, null)) {
      assertThat(connection.getCatalog()).isEqualTo(database.name()).startsWith("leitwarte_test_");
    }

    database.close();

    assertThat(databaseExists(database.name())).isFalse();
  }

  @Test
  void the_extension_hands_out_a_database(PostgresDatabase database) throws SQLException {
    assertThat(database.url()).isEqualTo("postgresql://postgres@127.0.0.1:5432/" + database.name());
    assertThat(databaseExists(database.name())).isTrue();
  }

  @Test
  void an_unreachable_server_fails_and_says_how_to_start_it() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> PostgresDatabase.create(closedPort))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("PostgreSQL is not reachable at 127.0.0.1:" + closedPort)
        .hasMessageEndingWith(
            "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
  }

  private static boolean databaseExists(String name) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", PostgresDatabase.USER, null);
        var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }
}
