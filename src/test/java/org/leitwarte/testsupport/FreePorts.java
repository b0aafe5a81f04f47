package org.leitwarte.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports that are free on a loopback address right now (the kernel's choice, then released). */
public final class FreePorts {

  private FreePorts() {}

  public static int tcp() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on loopback", e);
    }
  }

  public static int udp(String host) {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free UDP port on " + host, e);
    }
  }

  /** A UDP port free on every one of {@code hosts} right now, e.g. for several agents that discovery sweeps. */
  public static int udpOnAll(String... hosts) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = udp(hosts[0]);
      boolean freeEverywhere = true;
      for (String host : hosts) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), port))) {
          // free here too
        } catch (IOException e) {
          freeEverywhere = false;
        }
      }
      if (freeEverywhere) {
        return port;
      }
    }
    throw new IllegalStateException("no UDP port free on all of " + String.join(", ", hosts));
  }
}
