package org.leitwarte.collect.trap;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;

/** Turns a received trap into an event and an event into its {@code snmp_trap} sample. Pure. */
final class TrapEvents {

  static final String MEASUREMENT = "snmp_trap";
  static final int MAX_VARBINDS_CHARS = 2000;

  private static final String IF_ENTRY = "1.3.6.1.2.1.2.2.1.";
  private static final String IF_INDEX = IF_ENTRY + "1";
  private static final String IF_DESCR = IF_ENTRY + "2";
  private static final String IF_ADMIN_STATUS = IF_ENTRY + "7";
  private static final String IF_OPER_STATUS = IF_ENTRY + "8";
  private static final String IF_NAME = "1.3.6.1.2.1.31.1.1.1.1";

  private TrapEvents() {}

  /**
   * @param device the device at the trap's source address, if it is in the inventory
   * @param names the names the SNMP collector last published, preferred so that trap and poll name an
   *     interface alike; else the trap's own ifName or ifDescr binding
   */
  static TrapEvent event(ReceivedTrap trap, Optional<Device> device, InterfaceNames names) {
    String deviceId = device.map(Device::id).orElse(trap.source());
    Optional<String> ifIndex = ifIndex(trap);
    Optional<String> ifName = ifIndex.flatMap(index -> names.name(deviceId, index)
        .or(() -> column(trap, IF_NAME, index))
        .or(() -> column(trap, IF_DESCR, index)));
    return new TrapEvent(
        Instant.ofEpochMilli(trap.receivedAtMillis()),
        device.map(Device::tenant).orElse(TrapEvent.UNKNOWN_TENANT),
        device.map(Device::site).orElse(Device.NO_SITE),
        deviceId,
        device.isPresent(),
        trap.source(),
        trap.version(),
        TrapNames.name(trap.trapOid()),
        trap.trapOid(),
        ifIndex,
        ifName.filter(name -> !name.isBlank()),
        ifIndex.map(index -> number(trap, IF_ADMIN_STATUS + "." + index)).orElse(OptionalLong.empty()),
        ifIndex.map(index -> number(trap, IF_OPER_STATUS + "." + index)).orElse(OptionalLong.empty()),
        varbinds(trap));
  }

  static Sample sample(TrapEvent event) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("tenant", event.tenant());
    tags.put("site", event.site());
    tags.put("device", event.device());
    event.ifIndex().ifPresent(index -> tags.put("if_index", index));
    event.ifName().ifPresent(name -> tags.put("if_name", name));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("trap", event.trap());
    fields.put("trap_oid", event.trapOid());
    fields.put("source", event.source());
    fields.put("version", event.version());
    event.adminStatus().ifPresent(status -> fields.put("admin_status", status));
    event.operStatus().ifPresent(status -> fields.put("oper_status", status));
    fields.put("varbinds", event.varbinds());
    return new Sample(MEASUREMENT, tags, fields, event.at().toEpochMilli());
  }

  /**
   * The interface the trap is about: the value of an ifIndex binding, else the index of an
   * ifAdminStatus, ifOperStatus, ifDescr or ifName binding (linkDown and linkUp carry those).
   */
  static Optional<String> ifIndex(ReceivedTrap trap) {
    for (ReceivedTrap.Binding binding : trap.bindings()) {
      if (binding.oid().startsWith(IF_INDEX + ".") && binding.number().isPresent()) {
        return Optional.of(Long.toString(binding.number().getAsLong()));
      }
    }
    for (ReceivedTrap.Binding binding : trap.bindings()) {
      for (String column : new String[] {IF_ADMIN_STATUS, IF_OPER_STATUS, IF_DESCR, IF_NAME}) {
        if (binding.oid().startsWith(column + ".")) {
          String index = binding.oid().substring(column.length() + 1);
          if (index.matches("\\d+")) {
            return Optional.of(index);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> column(ReceivedTrap trap, String column, String index) {
    String oid = column + "." + index;
    return trap.bindings().stream().filter(binding -> binding.oid().equals(oid)).map(ReceivedTrap.Binding::value).findFirst();
  }

  private static OptionalLong number(ReceivedTrap trap, String oid) {
    return trap.bindings().stream().filter(binding -> binding.oid().equals(oid)).map(ReceivedTrap.Binding::number)
        .filter(OptionalLong::isPresent).findFirst().orElse(OptionalLong.empty());
  }

  static String varbinds(ReceivedTrap trap) {
    StringBuilder text = new StringBuilder();
    for (ReceivedTrap.Binding binding : trap.bindings()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(binding.oid()).append('=').append(binding.value());
      if (text.length() > MAX_VARBINDS_CHARS) {
        return text.substring(0, MAX_VARBINDS_CHARS - 1) + "…";
      }
    }
    return text.toString();
  }
}
