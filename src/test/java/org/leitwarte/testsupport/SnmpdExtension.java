package org.leitwarte.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a shared {@link SnmpdServer}, started once per test run and stopped by PID when the
 * run ends (also when tests fail): {@code @ExtendWith(SnmpdExtension.class)} and a parameter of
 * type {@code SnmpdServer} in a test method, constructor or {@code @BeforeAll} method. Tests that
 * restart or otherwise disturb the agent should start a private one instead.
 */
public final class SnmpdExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SnmpdExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SnmpdServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The agent of this test run, started on first use. */
  public static SnmpdServer shared(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SnmpdServer.class, key -> SnmpdServer.start(), SnmpdServer.class);
  }
}
