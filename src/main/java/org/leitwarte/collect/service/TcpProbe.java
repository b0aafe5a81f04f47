package org.leitwarte.collect.service;

import io.vertx.core.Future;
import io.vertx.core.net.NetClient;
import java.util.Map;
import java.util.Optional;

/** Opens a TCP connection with a Vert.x {@link NetClient} and closes it again: is anybody listening? */
final class TcpProbe {

  private TcpProbe() {}

  /** @param client made with the check's connect timeout; the future never fails */
  static Future<CheckResult> run(NetClient client, String address, int port) {
    long started = System.nanoTime();
    return client.connect(port, address)
        .compose(socket -> {
          double responseMs = (System.nanoTime() - started) / 1e6;
          return socket.close().otherwiseEmpty().map(v ->
              CheckResult.passed(responseMs, Map.of(), "port " + port + " accepts connections"));
        })
        .otherwise(failure -> CheckResult.failed(Optional.of((System.nanoTime() - started) / 1e6), Map.of(),
            ProbeFailures.describe(failure, port)));
  }
}
