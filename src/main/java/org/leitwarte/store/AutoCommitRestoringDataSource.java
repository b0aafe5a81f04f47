package org.leitwarte.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections for the Vert.x JDBC pool that return to auto-commit after every commit and rollback.
 *
 * <p>vertx-jdbc-client 5.0.7 switches auto-commit off to begin a transaction and, after the commit
 * or rollback, switches it off once more instead of back on (vert-x3/vertx-jdbc-client#356, fixed
 * upstream after 5.0.7). A later statement outside a transaction on that pooled connection then
 * reports success but is never committed: other connections do not see it, and an unrelated
 * rollback later throws it away. Here a connection returns to auto-commit after {@code commit()} and
 * {@code rollback()}, and the client's {@code setAutoCommit(false)} right after them is ignored; the
 * one that begins the next transaction is honoured.
 */
final class AutoCommitRestoringDataSource implements DataSource {

  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;

  AutoCommitRestoringDataSource(String url, Optional<String> user, Optional<String> password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = user.isPresent()
        ? DriverManager.getConnection(url, user.get(), password.orElse(null))
        : DriverManager.getConnection(url);
    return wrap(connection);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    return wrap(DriverManager.getConnection(url, username, pass));
  }

  static Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(AutoCommitRestoringDataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new Handler(connection));
  }

  /** One per connection; the pool uses a connection from one thread at a time. */
  private static final class Handler implements InvocationHandler {

    private final Connection connection;
    private boolean transactionJustEnded;

    Handler(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      boolean noArguments = args == null || args.length == 0;
      if (name.equals("setAutoCommit") && transactionJustEnded && Boolean.FALSE.equals(args[0])) {
        transactionJustEnded = false;
        return null;
      }
      transactionJustEnded = false;
      boolean ending = (name.equals("commit") || name.equals("rollback")) && noArguments;
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (ending) {
          transactionJustEnded = true;
          if (!connection.isClosed() && !connection.getAutoCommit()) {
            connection.setAutoCommit(true);
          }
        }
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
