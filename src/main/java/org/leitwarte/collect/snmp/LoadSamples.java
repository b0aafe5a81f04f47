package org.leitwarte.collect.snmp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.collect.Sample;
import org.snmp4j.smi.OID;

/** The {@code load} measurement: UCD-SNMP-MIB laLoad, where the agent has it (net-snmp does). */
final class LoadSamples {

  static final String MEASUREMENT = "load";
  /** laIndex 1, 2, 3 are the 1, 5 and 15 minute averages. */
  private static final String[] FIELDS = {"load1", "load5", "load15"};

  private final MibProfiles.OidGroup table;
  private final int load;

  LoadSamples(MibProfiles profiles) {
    table = profiles.table("load");
    load = table.index("laLoad");
  }

  OID[] columns() {
    return table.oids();
  }

  void addTo(List<Sample> out, List<TableWalk.Row> rows, Map<String, String> deviceTags, long timestamp) {
    Map<String, Object> fields = new HashMap<>(4);
    for (TableWalk.Row row : rows) {
      OID index = row.index();
      if (index.size() != 1 || index.get(0) < 1 || index.get(0) > FIELDS.length) {
        continue;
      }
      double value = SnmpValues.decimal(row.columns(), load);
      if (!Double.isNaN(value)) {
        fields.put(FIELDS[index.get(0) - 1], value);
      }
    }
    if (!fields.isEmpty()) {
      out.add(new Sample(MEASUREMENT, deviceTags, fields, timestamp));
    }
  }
}
