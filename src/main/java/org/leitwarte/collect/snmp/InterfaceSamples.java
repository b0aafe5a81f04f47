package org.leitwarte.collect.snmp;

import static org.leitwarte.collect.snmp.SnmpValues.MISSING;
import static org.leitwarte.collect.snmp.SnmpValues.number;
import static org.leitwarte.collect.snmp.SnmpValues.text;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leitwarte.collect.Sample;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * The {@code interface} measurement from the joined ifTable/ifXTable walk: states, speed, raw
 * counters (64-bit where the interface has them, else 32-bit) and the rates computed from them.
 */
final class InterfaceSamples {

  static final String MEASUREMENT = "interface";

  /** Counter slots in {@link CounterRates}. */
  static final int IN_OCTETS = 0;
  static final int OUT_OCTETS = 1;
  static final int IN_ERRORS = 2;
  static final int OUT_ERRORS = 3;
  static final int COUNTERS = 4;

  /** ifSpeed saturates at this value; ifHighSpeed tells the real speed then. */
  private static final long IF_SPEED_SATURATED = 4294967295L;
  /** A counter moving faster than the interface's speed × this is a reset, not a wrap. */
  private static final double PLAUSIBLE_SPEED_FACTOR = 1.5;

  private final MibProfiles.OidGroup table;
  private final int descr;
  private final int speed;
  private final int adminStatus;
  private final int operStatus;
  private final int inOctets;
  private final int inDiscards;
  private final int inErrors;
  private final int outOctets;
  private final int outDiscards;
  private final int outErrors;
  private final int name;
  private final int hcInOctets;
  private final int hcOutOctets;
  private final int highSpeed;
  private final int alias;

  InterfaceSamples(MibProfiles profiles) {
    table = profiles.table("interfaces");
    descr = table.index("ifDescr");
    speed = table.index("ifSpeed");
    adminStatus = table.index("ifAdminStatus");
    operStatus = table.index("ifOperStatus");
    inOctets = table.index("ifInOctets");
    inDiscards = table.index("ifInDiscards");
    inErrors = table.index("ifInErrors");
    outOctets = table.index("ifOutOctets");
    outDiscards = table.index("ifOutDiscards");
    outErrors = table.index("ifOutErrors");
    name = table.index("ifName");
    hcInOctets = table.index("ifHCInOctets");
    hcOutOctets = table.index("ifHCOutOctets");
    highSpeed = table.index("ifHighSpeed");
    alias = table.index("ifAlias");
  }

  OID[] columns() {
    return table.oids();
  }

  void addTo(List<Sample> out, List<TableWalk.Row> rows, Map<String, String> deviceTags, CounterRates.Poll rates, long timestamp) {
    for (TableWalk.Row row : rows) {
      Sample sample = sample(row, deviceTags, rates, timestamp);
      if (sample != null) {
        out.add(sample);
      }
    }
  }

  private Sample sample(TableWalk.Row row, Map<String, String> deviceTags, CounterRates.Poll rates, long timestamp) {
    VariableBinding[] values = row.columns();
    OID index = row.index();
    String ifIndex = index.size() == 1 ? Integer.toUnsignedString(index.get(0)) : index.toDottedString();
    long rowKey = index.size() == 1 ? index.get(0) & 0xffffffffL : index.hashCode();

    // Sorted maps: Sample copies them into sorted maps, which is linear for sorted input.
    Map<String, Object> fields = new TreeMap<>();
    // Always there, empty without a description, so that rules can ask for one (interface_down does).
    String aliasText = text(values, alias);
    fields.put("alias", aliasText == null ? "" : aliasText);
    putNumber(fields, "oper_status", number(values, operStatus));
    putNumber(fields, "admin_status", number(values, adminStatus));
    long speedBps = speedBps(values);
    putNumber(fields, "speed_bps", speedBps);
    double maxOctetsPerSecond = speedBps > 0 ? speedBps * PLAUSIBLE_SPEED_FACTOR / 8 : Double.NaN;

    long nanos = row.nanos();
    double inOctetsPerSecond = counter(fields, "in_octets", values, hcInOctets, inOctets, rates, rowKey, IN_OCTETS, nanos, maxOctetsPerSecond);
    double outOctetsPerSecond = counter(fields, "out_octets", values, hcOutOctets, outOctets, rates, rowKey, OUT_OCTETS, nanos, maxOctetsPerSecond);
    double inErrorsPerSecond = counter(fields, "in_errors", values, -1, inErrors, rates, rowKey, IN_ERRORS, nanos, Double.NaN);
    double outErrorsPerSecond = counter(fields, "out_errors", values, -1, outErrors, rates, rowKey, OUT_ERRORS, nanos, Double.NaN);
    putNumber(fields, "in_discards", number(values, inDiscards));
    putNumber(fields, "out_discards", number(values, outDiscards));

    putBitRate(fields, "in_bps", "util_in_pct", inOctetsPerSecond, speedBps);
    putBitRate(fields, "out_bps", "util_out_pct", outOctetsPerSecond, speedBps);
    putRate(fields, "in_errors_ps", inErrorsPerSecond);
    putRate(fields, "out_errors_ps", outErrorsPerSecond);
    if (fields.isEmpty()) {
      return null;
    }

    String ifName = text(values, name);
    if (ifName == null || ifName.isEmpty()) {
      ifName = text(values, descr);
    }
    if (ifName == null || ifName.isEmpty()) {
      ifName = ifIndex;
    }
    Map<String, String> tags = new TreeMap<>(deviceTags);
    tags.put("if_index", ifIndex);
    tags.put("if_name", ifName);
    return new Sample(MEASUREMENT, tags, fields, timestamp);
  }

  /** ifSpeed, unless it is saturated or absent: then ifHighSpeed (Mbit/s) × 10^6. */
  private long speedBps(VariableBinding[] values) {
    long ifSpeed = number(values, speed);
    if (ifSpeed != MISSING && ifSpeed != IF_SPEED_SATURATED) {
      return ifSpeed;
    }
    long ifHighSpeed = number(values, highSpeed);
    if (ifHighSpeed != MISSING) {
      return ifHighSpeed * 1_000_000L;
    }
    return ifSpeed;
  }

  /**
   * Writes the raw counter (the 64-bit column when this interface has it, else the 32-bit one) and
   * returns its rate per second, NaN when there is none.
   */
  private static double counter(Map<String, Object> fields, String field, VariableBinding[] values, int wideColumn,
      int narrowColumn, CounterRates.Poll rates, long rowKey, int slot, long nanos, double maxPerSecond) {
    boolean wide = wideColumn >= 0 && SnmpValues.isCounter64(values, wideColumn);
    long raw = wide ? number(values, wideColumn) : number(values, narrowColumn);
    if (raw == MISSING) {
      return Double.NaN;
    }
    fields.put(field, raw);
    return rates.rate(rowKey, slot, raw, wide, nanos, maxPerSecond);
  }

  private static void putBitRate(Map<String, Object> fields, String bpsField, String utilField, double octetsPerSecond, long speedBps) {
    if (Double.isNaN(octetsPerSecond)) {
      return;
    }
    double bitsPerSecond = octetsPerSecond * 8;
    fields.put(bpsField, bitsPerSecond);
    if (speedBps > 0) {
      fields.put(utilField, bitsPerSecond / speedBps * 100);
    }
  }

  private static void putRate(Map<String, Object> fields, String field, double perSecond) {
    if (!Double.isNaN(perSecond)) {
      fields.put(field, perSecond);
    }
  }

  private static void putNumber(Map<String, Object> fields, String field, long value) {
    if (value != MISSING) {
      fields.put(field, value);
    }
  }
}
