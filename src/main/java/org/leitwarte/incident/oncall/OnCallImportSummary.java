package org.leitwarte.incident.oncall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What an import of {@code oncall.yaml} did to the store, per kind of record. */
public record OnCallImportSummary(Changes people, Changes teams, Changes schedules, Changes policies) {

  /** The ids added, changed and removed, and how many stayed as they were. */
  public record Changes(List<String> added, List<String> changed, List<String> removed, int unchanged) {

    public Changes {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("added", new JsonArray(new ArrayList<Object>(added)))
          .put("changed", new JsonArray(new ArrayList<Object>(changed)))
          .put("removed", new JsonArray(new ArrayList<Object>(removed)))
          .put("unchanged", unchanged);
    }

    @Override
    public String toString() {
      return added.size() + " added, " + changed.size() + " changed, " + removed.size() + " removed, " + unchanged
          + " unchanged";
    }
  }

  /** The audit-log detail of the import. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("people", people.toJson())
        .put("teams", teams.toJson())
        .put("schedules", schedules.toJson())
        .put("policies", policies.toJson());
  }

  /** {@code people: 1 added, 0 changed, 0 removed, 8 unchanged; teams: …}. */
  @Override
  public String toString() {
    return "people: " + people + "; teams: " + teams + "; schedules: " + schedules + "; policies: " + policies;
  }
}
