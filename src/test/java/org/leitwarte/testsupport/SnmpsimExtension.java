package org.leitwarte.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a shared {@link SnmpsimServer} (the moving Cisco switch), started once per test run
 * and stopped by PID when the run ends: {@code @ExtendWith(SnmpsimExtension.class)} and a
 * parameter of type {@code SnmpsimServer}.
 */
public final class SnmpsimExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SnmpsimExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SnmpsimServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The simulator of this test run, started on first use. */
  public static SnmpsimServer shared(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SnmpsimServer.class, key -> SnmpsimServer.start(), SnmpsimServer.class);
  }
}
