package org.leitwarte.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.snmp4j.TransportStateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.UdpTransportMapping;

/**
 * An SNMP4J UDP transport for one local address whose socket is served, together with those of
 * many other addresses, by one selector thread ({@link Loop}): thousands of simulated agents
 * without thousands of threads. Messages are processed on that thread, one at a time.
 */
final class SelectorUdpTransport extends UdpTransportMapping {

  private static final int MAX_MESSAGE = 65535;
  private static final int SOCKET_BUFFER = 1 << 20;
  private static final int BATCH = 64;

  private final DatagramChannel channel;
  private volatile boolean listening;

  SelectorUdpTransport(UdpAddress address) throws IOException {
    super(address);
    channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
      channel.bind(new InetSocketAddress(address.getInetAddress(), address.getPort()));
      channel.configureBlocking(false);
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot bind " + address + ": " + e.getMessage(), e);
    }
    maxInboundMessageSize = MAX_MESSAGE;
  }

  @Override
  public void sendMessage(UdpAddress address, byte[] message, TransportStateReference state, long timeout, int retries)
      throws IOException {
    // Non-blocking: a full socket buffer drops the answer, as a busy agent would.
    channel.send(ByteBuffer.wrap(message), new InetSocketAddress(address.getInetAddress(), address.getPort()));
  }

  @Override
  public void listen() {
    listening = true;
  }

  @Override
  public boolean isListening() {
    return listening;
  }

  @Override
  public void close() throws IOException {
    listening = false;
    channel.close();
  }

  /** Reads and processes one datagram; false when none was waiting. */
  private boolean receive(ByteBuffer buffer) throws IOException {
    buffer.clear();
    InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
    if (peer == null || !listening) {
      return false;
    }
    buffer.flip();
    UdpAddress from = new UdpAddress(peer.getAddress(), peer.getPort());
    TransportStateReference state =
        new TransportStateReference(this, from, null, SecurityLevel.undefined, SecurityLevel.undefined, false, null);
    fireProcessMessage(from, buffer, state);
    return true;
  }

  /** The thread that reads every transport's socket and hands messages to SNMP4J. */
  static final class Loop implements AutoCloseable {

    private final Selector selector;
    private final List<SelectorUdpTransport> transports;
    private final Thread thread;
    private volatile boolean running = true;

    Loop(List<SelectorUdpTransport> transports, String name) throws IOException {
      this.transports = new ArrayList<>(transports);
      this.selector = Selector.open();
      for (SelectorUdpTransport transport : transports) {
        transport.channel.register(selector, SelectionKey.OP_READ, transport);
      }
      thread = new Thread(this::run, name);
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    /** For measuring the agent's CPU time. */
    long threadId() {
      return thread.getId();
    }

    private void run() {
      ByteBuffer buffer = ByteBuffer.allocate(MAX_MESSAGE);
      while (running) {
        try {
          selector.select(200);
          Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
          while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (key.isValid() && key.isReadable()) {
              SelectorUdpTransport transport = (SelectorUdpTransport) key.attachment();
              for (int i = 0; i < BATCH && transport.receive(buffer); i++) {
                // drain what is queued on this socket, a batch at a time
              }
            }
          }
        } catch (IOException | RuntimeException e) {
          if (running) {
            // A bad packet must not stop the simulated fleet.
            continue;
          }
        }
      }
    }

    @Override
    public void close() throws IOException {
      running = false;
      selector.wakeup();
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      selector.close();
      for (SelectorUdpTransport transport : transports) {
        transport.close();
      }
    }
  }
}
