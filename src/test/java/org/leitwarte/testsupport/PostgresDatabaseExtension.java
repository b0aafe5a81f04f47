package org.leitwarte.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (or a {@code @BeforeEach}/{@code @BeforeAll} method) a fresh {@link PostgresDatabase}
 * as a parameter, and drops it when that test (or class) is done, also when it failed.
 *
 * <pre>{@code
 * @ExtendWith(PostgresDatabaseExtension.class)
 * class MyTest {
 *   @Test void works(PostgresDatabase database) { … database.url() … }
 * }
 * }</pre>
 */
public final class PostgresDatabaseExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresDatabase.class;
  }

  @Override
  public PostgresDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresDatabase database = PostgresDatabase.create();
    // The store closes (drops) every AutoCloseable it holds when the context ends.
    context.getStore(NAMESPACE).put(database.name(), database);
    return database;
  }
}
