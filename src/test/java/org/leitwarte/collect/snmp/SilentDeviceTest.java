package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.collect.PollResult;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;
import org.leitwarte.testsupport.SnmpdServer;

/** A device that receives but never answers costs the system GET (or the discovery) × tries, no more. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilentDeviceTest {

  private CollectorHarness harness;

  @BeforeAll
  void startCollector() throws Exception {
    harness = new CollectorHarness();
  }

  @AfterAll
  void stopCollector() throws Exception {
    harness.close();
  }

  @ParameterizedTest
  @EnumSource(SnmpVersion.class)
  void silent_device_is_a_timeout_after_one_request_and_its_retries(SnmpVersion version) throws Exception {
    try (SilentSocket silent = new SilentSocket()) {
      SnmpSettings settings = new SnmpSettings(version, silent.port(), Optional.of(Secret.of("public")),
          Optional.of("monuser"), AuthProtocol.SHA, Optional.of(Secret.of("authpass123")),
          PrivProtocol.AES_128, Optional.of(Secret.of("privpass123")), Optional.empty(), Duration.ofMillis(100), 2, 10);

      PollResult result = harness.poll(SnmpdServer.device("silent-" + version, "127.0.0.1", settings), 1L);

      assertThat(result).isInstanceOf(PollResult.Timeout.class);
      assertThat(result.samples()).singleElement().satisfies(sample -> {
        assertThat(sample.field("reachable")).isEqualTo(0L);
        assertThat(sample.field("status")).isEqualTo("timeout");
      });
      Thread.sleep(300);
      assertThat(silent.received()).as("1 request + 2 retries").isEqualTo(3);
    }
  }

  /** Counts the datagrams sent to it and answers none. */
  private static final class SilentSocket implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger received = new AtomicInteger();
    private final Thread reader;

    SilentSocket() throws SocketException {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      reader = new Thread(() -> {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
          try {
            socket.receive(new DatagramPacket(buffer, buffer.length));
            received.incrementAndGet();
          } catch (java.io.IOException e) {
            return;
          }
        }
      }, "silent-device");
      reader.setDaemon(true);
      reader.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int received() {
      return received.get();
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
