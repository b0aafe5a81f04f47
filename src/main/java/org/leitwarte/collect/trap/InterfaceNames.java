package org.leitwarte.collect.trap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The interface names the SNMP collector last published per device and ifIndex, so that a trap that
 * names an interface by its index only gets the same {@code if_name} as the polled samples. Bounded:
 * beyond {@code capacity} entries the least recently used goes. Not thread-safe: one verticle owns it.
 */
final class InterfaceNames {

  private final Map<String, String> names;

  InterfaceNames(int capacity) {
    this.names = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  void put(String device, String ifIndex, String name) {
    if (name != null && !name.isEmpty()) {
      names.put(key(device, ifIndex), name);
    }
  }

  Optional<String> name(String device, String ifIndex) {
    return Optional.ofNullable(names.get(key(device, ifIndex)));
  }

  int size() {
    return names.size();
  }

  private static String key(String device, String ifIndex) {
    return device + '\u0000' + ifIndex;
  }
}
