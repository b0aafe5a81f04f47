package org.leitwarte.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Runs every {@link HealthCheck} and sums them up: {@code UP} when all parts are up, else {@code
 * DOWN}. A check that does not answer within its deadline counts as down, so a hanging database
 * cannot hang the health endpoint.
 */
public final class Health {

  /** The whole answer of {@code GET /health}. */
  public record Report(boolean up, List<HealthCheck.Part> parts) {

    public String status() {
      return up ? "UP" : "DOWN";
    }

    /** JSON-ready form: {@code {"status": "UP", "checks": {"store": {"status": "UP", …}}}}. */
    public Map<String, Object> toMap() {
      Map<String, Object> checks = new LinkedHashMap<>();
      for (HealthCheck.Part part : parts) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", part.up() ? "UP" : "DOWN");
        entry.putAll(part.details());
        checks.put(part.name(), entry);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("status", status());
      map.put("checks", checks);
      return map;
    }
  }

  private final Vertx vertx;
  private final List<Named> checks = new ArrayList<>();
  private final Duration deadline;

  private record Named(String name, HealthCheck check) {}

  public Health(Vertx vertx, Duration deadline) {
    this.vertx = vertx;
    this.deadline = deadline;
  }

  public Health add(String name, HealthCheck check) {
    checks.add(new Named(name, check));
    return this;
  }

  public Future<Report> report() {
    List<Future<HealthCheck.Part>> parts = new ArrayList<>();
    for (Named named : checks) {
      parts.add(withDeadline(named));
    }
    return Future.join(parts).transform(done -> {
      List<HealthCheck.Part> results = new ArrayList<>();
      boolean up = true;
      for (Future<HealthCheck.Part> part : parts) {
        HealthCheck.Part result = part.result();
        results.add(result);
        up &= result.up();
      }
      return Future.succeededFuture(new Report(up, results));
    });
  }

  private Future<HealthCheck.Part> withDeadline(Named named) {
    return named.check().check()
        .timeout(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .recover(failure -> Future.succeededFuture(new HealthCheck.Part(
            named.name(),
            false,
            Map.of("error", failure instanceof TimeoutException
                ? "no answer within " + deadline.toMillis() + " ms"
                : String.valueOf(failure.getMessage())))));
  }
}
