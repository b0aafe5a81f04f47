package org.leitwarte.collect.snmp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Ports for tests that need nobody to answer. */
final class SnmpdServerPorts {

  private SnmpdServerPorts() {}

  /** A UDP port on 127.0.0.1 that was free a moment ago: nothing answers there. */
  static int closedUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }
}
