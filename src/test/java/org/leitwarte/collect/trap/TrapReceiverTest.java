package org.leitwarte.collect.trap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.LeitwarteConfig.Traps.TrapUser;
import org.leitwarte.config.Secret;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;

/** The SNMP4J side alone: what stays bounded when senders make up engine IDs; its thread. */
class TrapReceiverTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void made_up_engine_ids_cannot_grow_the_user_table_without_end() throws Exception {
    int port = FreePorts.udp("127.0.0.1");
    LeitwarteConfig.Traps config = new LeitwarteConfig.Traps("127.0.0.1", port, List.of(), List.of(new TrapUser(TrapSender.USER, "SHA",
        Optional.of(Secret.of(TrapSender.AUTH_PASSWORD)), "AES", Optional.of(Secret.of(TrapSender.PRIV_PASSWORD)), Optional.empty(),
        "leitwarte.yaml:1")), Optional.empty(), 1_000_000, 1_000_000, 1000, Duration.ofDays(30));
    TrapCounters counters = new TrapCounters(new SimpleMeterRegistry());
    List<ReceivedTrap> received = new CopyOnWriteArrayList<>();
    TrapSender sender = new TrapSender(dir.resolve("net-snmp"), port);
    try (TrapReceiver receiver = TrapReceiver.open(config, counters, received::add, Clock.systemUTC(), System::nanoTime, 4)) {
      for (int engine = 0; engine < 8; engine++) {
        assertThat(sender.v3Trap("0x80000000010203" + String.format("%02x", engine), TrapSender.USER, "SHA", TrapSender.AUTH_PASSWORD,
            "AES", TrapNames.LINK_DOWN, 1, "2").exitCode()).isZero();
      }
      Eventually.until("eight v3 traps", WAIT, () -> received.size() == 8);
      assertThat(receiver.usmEntries()).as("the user and its keys for eight engines").isEqualTo(9);

      // The housekeeping runs every 256 packets; these are garbage.
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        byte[] garbage = new byte[] {0x30, 0x03, 0x02, 0x01};
        for (int i = 0; i < GuardedDispatcher.HOUSEKEEPING_EVERY; i++) {
          socket.send(new DatagramPacket(garbage, garbage.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        }
      }
      Eventually.until("the table starts again from the configured user", WAIT, () -> receiver.usmEntries() == 1);

      assertThat(sender.v3Trap("0x8000000001020399", TrapSender.USER, "SHA", TrapSender.AUTH_PASSWORD, "AES", TrapNames.LINK_UP, 1, "1")
          .exitCode()).isZero();
      Eventually.until("a trap after the reset", WAIT, () -> received.size() == 9);
      assertThat(counters.total(TrapOutcome.MALFORMED)).isEqualTo(GuardedDispatcher.HOUSEKEEPING_EVERY);
      assertThat(counters.total(TrapOutcome.AUTH_FAILED)).isZero();
    }
  }

  @Test
  void the_listen_thread_is_named_after_the_receiver_in_thread_dumps() throws Exception {
    int port = FreePorts.udp("127.0.0.1");
    LeitwarteConfig.Traps config = new LeitwarteConfig.Traps("127.0.0.1", port, List.of(Secret.of("public-traps")), List.of(),
        Optional.empty(), 100, 200, 1000, Duration.ofDays(30));
    try (TrapReceiver receiver = TrapReceiver.open(config, new TrapCounters(new SimpleMeterRegistry()), trap -> {}, Clock.systemUTC(),
        System::nanoTime)) {
      assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
          .contains(TrapReceiver.THREAD_NAME_PREFIX + receiver.localAddress());
    }
  }
}
