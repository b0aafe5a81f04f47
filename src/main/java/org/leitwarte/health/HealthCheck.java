package org.leitwarte.health;

import io.vertx.core.Future;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One part of Leitwarte's own health (store, InfluxDB, spool, polling); answers quickly. */
public interface HealthCheck {

  /** The outcome of one check: whether the part works, and figures a person would look at, in order. */
  record Part(String name, boolean up, Map<String, Object> details) {
    public Part {
      details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }

  Future<Part> check();
}
