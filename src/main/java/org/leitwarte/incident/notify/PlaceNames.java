package org.leitwarte.incident.notify;

import java.util.Map;
import java.util.Optional;

/**
 * The names people know places by: "Stadt Wernigerode" rather than {@code wernigerode}, "Rathaus"
 * rather than {@code wr-rathaus}. From the inventory; an unknown id is shown as it is.
 */
public interface PlaceNames {

  PlaceNames NONE = new PlaceNames() {
    @Override
    public Optional<String> tenant(String id) {
      return Optional.empty();
    }

    @Override
    public Optional<String> site(String id) {
      return Optional.empty();
    }
  };

  /** From the names of the inventory's tenants and sites, by id. */
  static PlaceNames of(Map<String, String> tenants, Map<String, String> sites) {
    Map<String, String> tenantNames = Map.copyOf(tenants);
    Map<String, String> siteNames = Map.copyOf(sites);
    return new PlaceNames() {
      @Override
      public Optional<String> tenant(String id) {
        return Optional.ofNullable(tenantNames.get(id));
      }

      @Override
      public Optional<String> site(String id) {
        return Optional.ofNullable(siteNames.get(id));
      }
    };
  }

  Optional<String> tenant(String id);

  Optional<String> site(String id);
}
