package org.leitwarte.alerting;

/**
 * Whether a device is known to be down right now, judged from its latest samples: no reply to ping
 * (when it is pinged), else no SNMP answer. Unknown devices are not down.
 */
public interface DeviceReachability {

  boolean isDown(String deviceId);
}
