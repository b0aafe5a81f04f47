package org.leitwarte.collect.snmp;

import static org.leitwarte.collect.snmp.SnmpValues.MISSING;
import static org.leitwarte.collect.snmp.SnmpValues.number;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.collect.Sample;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/** The {@code cpu} and {@code storage} measurements from HOST-RESOURCES-MIB. */
final class HostResourceSamples {

  static final String CPU = "cpu";
  static final String STORAGE = "storage";
  private static final String OTHER = "other";

  private final MibProfiles.OidGroup processors;
  private final int processorLoad;
  private final MibProfiles.OidGroup storage;
  private final int storageType;
  private final int storageDescr;
  private final int allocationUnits;
  private final int storageSize;
  private final int storageUsed;
  private final Map<OID, String> storageTypes;

  HostResourceSamples(MibProfiles profiles) {
    processors = profiles.table("processors");
    processorLoad = processors.index("hrProcessorLoad");
    storage = profiles.table("storage");
    storageType = storage.index("hrStorageType");
    storageDescr = storage.index("hrStorageDescr");
    allocationUnits = storage.index("hrStorageAllocationUnits");
    storageSize = storage.index("hrStorageSize");
    storageUsed = storage.index("hrStorageUsed");
    storageTypes = profiles.classification("storageType");
  }

  OID[] processorColumns() {
    return processors.oids();
  }

  OID[] storageColumns() {
    return storage.oids();
  }

  /** One point per processor (tag {@code cpu} = hrDeviceIndex) and their average as {@code cpu=all}. */
  void addCpu(List<Sample> out, List<TableWalk.Row> rows, Map<String, String> deviceTags, long timestamp) {
    double sum = 0;
    int count = 0;
    for (TableWalk.Row row : rows) {
      long load = number(row.columns(), processorLoad);
      if (load == MISSING) {
        continue;
      }
      out.add(cpuSample(deviceTags, row.index().toDottedString(), load, timestamp));
      sum += load;
      count++;
    }
    if (count > 0) {
      out.add(cpuSample(deviceTags, "all", sum / count, timestamp));
    }
  }

  private static Sample cpuSample(Map<String, String> deviceTags, String cpu, double loadPercent, long timestamp) {
    Map<String, String> tags = new HashMap<>(deviceTags);
    tags.put("cpu", cpu);
    return new Sample(CPU, tags, Map.of("load_pct", loadPercent), timestamp);
  }

  /** One point per storage area, tagged with its description and kind (ram, disk, other). */
  void addStorage(List<Sample> out, List<TableWalk.Row> rows, Map<String, String> deviceTags, long timestamp) {
    for (TableWalk.Row row : rows) {
      VariableBinding[] values = row.columns();
      String descr = SnmpValues.text(values, storageDescr);
      long units = number(values, allocationUnits);
      long size = number(values, storageSize);
      long used = number(values, storageUsed);
      if (descr == null || units == MISSING || units <= 0 || size == MISSING || size < 0) {
        continue;
      }
      Map<String, Object> fields = new HashMap<>(4);
      long sizeBytes = size * units;
      fields.put("size_bytes", sizeBytes);
      if (used != MISSING && used >= 0) {
        long usedBytes = used * units;
        fields.put("used_bytes", usedBytes);
        if (sizeBytes > 0) {
          fields.put("used_pct", usedBytes * 100.0 / sizeBytes);
        }
      }
      OID type = SnmpValues.oid(values, storageType);
      Map<String, String> tags = new HashMap<>(deviceTags);
      tags.put("storage", descr);
      tags.put("type", type == null ? OTHER : storageTypes.getOrDefault(type, OTHER));
      out.add(new Sample(STORAGE, tags, fields, timestamp));
    }
  }
}
