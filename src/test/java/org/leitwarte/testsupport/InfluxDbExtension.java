package org.leitwarte.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared {@link InfluxDbServer} into test parameters: started on first use, once per test JVM,
 * stopped and deleted when the run ends (the root store closes it), started again if a test left it
 * stopped.
 */
public final class InfluxDbExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == InfluxDbServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    InfluxDbServer server = context.getRoot().getStore(ExtensionContext.Namespace.create(InfluxDbExtension.class))
        .getOrComputeIfAbsent(InfluxDbServer.class, type -> InfluxDbServer.start(), InfluxDbServer.class);
    if (!server.isRunning()) {
      server.restart();
    }
    return server;
  }
}
