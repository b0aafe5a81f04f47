package org.leitwarte.incident.routing;

import java.util.List;
import java.util.Map;

/** Decides where an alert goes, by its labels. */
@FunctionalInterface
public interface Router {

  /**
   * The routes an alert with these labels takes, in tree order: the first matching route, and after it
   * further ones only where a matched route says {@code continue: true}. The root route (the default)
   * takes what no other route takes; empty only when the alert took routes with {@code incidents: false}.
   */
  List<MatchedRoute> route(Map<String, String> labels);
}
