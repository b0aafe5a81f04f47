package org.leitwarte.incident.notify;

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

  Optional<String> tenant(String id);

  Optional<String> site(String id);
}
