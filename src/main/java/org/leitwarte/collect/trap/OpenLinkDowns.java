package org.leitwarte.collect.trap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names a linkUp like the linkDown before it. The rule evaluator keeps one series per device, ifIndex
 * and if_name; had the interface's name become known between the two (the first poll after a start),
 * the linkUp would be another series and the linkDown's alert would never resolve. Bounded: beyond
 * {@code capacity} open linkDowns the oldest is forgotten. Not thread-safe: one verticle owns it.
 */
final class OpenLinkDowns {

  private final Map<String, Optional<String>> names;

  OpenLinkDowns(int capacity) {
    this.names = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The event as it goes on: a linkUp after a linkDown of the same interface carries the linkDown's if_name. */
  TrapEvent name(TrapEvent event) {
    if (event.ifIndex().isEmpty()) {
      return event;
    }
    String key = event.device() + '\u0000' + event.ifIndex().get();
    if (event.trapOid().equals(TrapNames.LINK_DOWN)) {
      names.put(key, event.ifName());
      return event;
    }
    if (event.trapOid().equals(TrapNames.LINK_UP) && names.containsKey(key)) {
      Optional<String> name = names.remove(key);
      return new TrapEvent(event.at(), event.tenant(), event.site(), event.device(), event.knownSource(), event.source(),
          event.version(), event.trap(), event.trapOid(), event.ifIndex(), name, event.adminStatus(), event.operStatus(),
          event.varbinds());
    }
    return event;
  }

  int size() {
    return names.size();
  }
}
