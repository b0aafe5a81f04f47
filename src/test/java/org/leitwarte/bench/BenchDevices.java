package org.leitwarte.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;

/** Devices pointing at a {@link RecordedAgent}: v2c, community {@code public}. */
public final class BenchDevices {

  private BenchDevices() {}

  public static Device device(String id, String address, int port) {
    SnmpSettings settings = new SnmpSettings(SnmpVersion.V2C, port, Optional.of(Secret.of("public")), Optional.empty(),
        AuthProtocol.NONE, Optional.empty(), PrivProtocol.NONE, Optional.empty(), Optional.empty(),
        Duration.ofSeconds(2), 1, 25);
    return new Device(id, "bench", "lab", address, Optional.of(settings), false, Duration.ofMinutes(1),
        Optional.empty(), Map.of(), List.of(), "bench:" + id);
  }
}
