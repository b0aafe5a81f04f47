package org.leitwarte.collect.snmp;

/** What every device poll shares: the session, the samplers built from the profiles, the rates. */
record SnmpPolling(
    SnmpSession session,
    SystemSamples system,
    InterfaceSamples interfaces,
    HostResourceSamples hostResources,
    LoadSamples load,
    CounterRates rates) {

  static SnmpPolling create(SnmpSession session, MibProfiles profiles) {
    return new SnmpPolling(session, new SystemSamples(profiles), new InterfaceSamples(profiles),
        new HostResourceSamples(profiles), new LoadSamples(profiles), new CounterRates(InterfaceSamples.COUNTERS));
  }
}
