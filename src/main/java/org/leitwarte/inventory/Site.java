package org.leitwarte.inventory;

import java.util.Optional;

/** A place of a tenant (town hall, school, data centre rack); {@code uplink} is the device it hangs on. */
public record Site(String id, String tenant, String name, Optional<String> uplink) {}
