package org.leitwarte.alerting;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An inventory for tests: devices with labels, interval and upstream, changeable at any time. */
final class TestDevices implements DeviceDirectory {

  private final Map<String, DeviceInfo> devices = new HashMap<>();

  TestDevices add(String id, Map<String, String> labels, Duration interval, String upstream) {
    devices.put(id, new DeviceInfo(id, "t1", "s1", labels, interval, Optional.ofNullable(upstream)));
    return this;
  }

  TestDevices add(String id) {
    return add(id, Map.of(), Duration.ofSeconds(60), null);
  }

  @Override
  public Optional<DeviceInfo> device(String id) {
    return Optional.ofNullable(devices.get(id));
  }
}
