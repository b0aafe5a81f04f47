package org.leitwarte.collect.snmp;

import java.util.HashMap;
import java.util.Map;
import org.leitwarte.collect.Sample;
import org.snmp4j.PDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The {@code snmp} measurement: whether the device answered, how fast, and what it says it is.
 * Reads the system group GET, whose OIDs come from {@code profiles/system.yaml}.
 */
final class SystemSamples {

  static final String MEASUREMENT = "snmp";

  private final MibProfiles.OidGroup group;
  private final OID[] oids;
  private final int descr;
  private final int objectId;
  private final int upTime;
  private final int name;

  SystemSamples(MibProfiles profiles) {
    group = profiles.scalars("system");
    oids = group.oids();
    descr = group.index("sysDescr");
    objectId = group.index("sysObjectID");
    upTime = group.index("sysUpTime");
    name = group.index("sysName");
  }

  /** The system group as a GET request. */
  PDU request(DeviceTarget target) {
    PDU pdu = target.newPdu(PDU.GET);
    for (OID oid : oids) {
      pdu.add(new VariableBinding(oid));
    }
    return pdu;
  }

  /** The values of the response in profile order (null where missing or an exception). */
  VariableBinding[] values(PDU response) {
    VariableBinding[] values = new VariableBinding[oids.length];
    for (VariableBinding binding : response.getVariableBindings()) {
      for (int i = 0; i < oids.length; i++) {
        if (values[i] == null && oids[i].equals(binding.getOid())) {
          values[i] = binding;
          break;
        }
      }
    }
    return values;
  }

  /** sysUpTime in hundredths of a second, or -1 when the device did not send it. */
  long upTimeTicks(VariableBinding[] values) {
    long ticks = SnmpValues.number(values, upTime);
    return ticks == SnmpValues.MISSING ? -1 : ticks;
  }

  /** The sample of a device that answered. */
  Sample answered(Map<String, String> tags, VariableBinding[] values, long roundTripNanos, String status, long timestamp) {
    Map<String, Object> fields = new HashMap<>(12);
    fields.put("reachable", 1L);
    fields.put("response_ms", roundTripNanos / 1e6);
    fields.put("status", status);
    long ticks = SnmpValues.number(values, upTime);
    if (ticks != SnmpValues.MISSING) {
      fields.put("uptime_s", ticks / 100);
    }
    putText(fields, "sys_name", values, name);
    putText(fields, "sys_descr", values, descr);
    putText(fields, "sys_object_id", values, objectId);
    return new Sample(MEASUREMENT, tags, fields, timestamp);
  }

  /** The sample of a device that did not answer or refused us. */
  static Sample unreachable(Map<String, String> tags, String status, long timestamp) {
    return new Sample(MEASUREMENT, tags, Map.of("reachable", 0L, "status", status), timestamp);
  }

  /** The sample when we could not even ask (bad settings): whether it is reachable is unknown. */
  static Sample notAsked(Map<String, String> tags, String status, long timestamp) {
    return new Sample(MEASUREMENT, tags, Map.of("status", status), timestamp);
  }

  private static void putText(Map<String, Object> fields, String field, VariableBinding[] values, int index) {
    Variable variable = SnmpValues.variable(values, index);
    String text = SnmpValues.text(variable);
    if (text != null) {
      fields.put(field, text);
    }
  }
}
