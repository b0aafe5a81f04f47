package org.leitwarte.collect.snmp;

import java.util.List;
import org.snmp4j.smi.OID;

/**
 * What every device poll shares: the session, the samplers built from the profiles, the rates,
 * and the column sets of the tables walked after the system GET (positions below).
 */
record SnmpPolling(
    SnmpSession session,
    SystemSamples system,
    InterfaceSamples interfaces,
    HostResourceSamples hostResources,
    LoadSamples load,
    CounterRates rates,
    List<OID[]> tables) {

  static final int INTERFACES = 0;
  static final int PROCESSORS = 1;
  static final int STORAGE = 2;
  static final int LOAD = 3;

  static SnmpPolling create(SnmpSession session, MibProfiles profiles) {
    InterfaceSamples interfaces = new InterfaceSamples(profiles);
    HostResourceSamples hostResources = new HostResourceSamples(profiles);
    LoadSamples load = new LoadSamples(profiles);
    List<OID[]> tables = List.of(interfaces.columns(), hostResources.processorColumns(),
        hostResources.storageColumns(), load.columns());
    return new SnmpPolling(session, new SystemSamples(profiles), interfaces, hostResources, load,
        new CounterRates(InterfaceSamples.COUNTERS), tables);
  }
}
