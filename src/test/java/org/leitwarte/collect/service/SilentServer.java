package org.leitwarte.collect.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that accepts connections and then sends {@code greeting} (nothing at all when
 * it is null) and keeps the connection open without another word, until closed.
 */
final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private final List<Long> acceptedAt = new CopyOnWriteArrayList<>();

  private SilentServer(String greeting) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(() -> accept(greeting), "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static SilentServer silent() throws IOException {
    return new SilentServer(null);
  }

  static SilentServer greeting(String greeting) throws IOException {
    return new SilentServer(greeting);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept(String greeting) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        accepted.add(client);
        acceptedAt.add(System.nanoTime());
        if (greeting != null) {
          OutputStream out = client.getOutputStream();
          out.write(greeting.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  /** When each connection was accepted ({@link System#nanoTime()}), in order. */
  List<Long> acceptedAt() {
    return List.copyOf(acceptedAt);
  }

  @Override
  public void close() throws Exception {
    socket.close();
    for (Socket client : accepted) {
      client.close();
    }
    acceptor.join(5_000);
  }
}
