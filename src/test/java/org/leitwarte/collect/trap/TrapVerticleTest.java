package org.leitwarte.collect.trap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.EventAddresses;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.SampleBatch;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.LeitwarteConfig.Traps.TrapUser;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.Store;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.testsupport.Await;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;

/**
 * The trap receiver on a loopback port, fed by net-snmp's {@code snmptrap} and {@code snmpinform}
 * (v1, v2c, v3 authPriv) and by raw UDP packets: what arrives on the sample stream and in the store,
 * and what is counted and dropped.
 */
class TrapVerticleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Device SWITCH = new Device("wr-sw1", "wernigerode", "wr-rathaus", "127.0.0.1", Optional.empty(), false,
      Duration.ofMinutes(1), Optional.empty(), Map.of("role", "switch"), List.of(), "inventory.yaml:3");

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Sample> traps = new CopyOnWriteArrayList<>();
  private StoreFixture stores;
  private TrapCounters counters;
  private TrapEventRepository repository;
  private TrapSender sender;
  private int port;

  @AfterEach
  void stop() {
    for (String deployment : vertx.deploymentIDs()) {
      Await.result(vertx.undeploy(deployment));
    }
    if (stores != null) {
      Await.result(stores.close(vertx));
    }
    Await.result(vertx.close());
  }

  private void start(int perSource, int burst) {
    port = FreePorts.udp("127.0.0.1");
    stores = new StoreFixture(dir);
    Store store = Await.result(stores.open(vertx, Dialect.H2));
    repository = new TrapEventRepository(store.pool());
    counters = new TrapCounters(new SimpleMeterRegistry());
    LeitwarteConfig.Traps config = new LeitwarteConfig.Traps("127.0.0.1", port, List.of(Secret.of(TrapSender.COMMUNITY)),
        List.of(
            user(TrapSender.USER, "SHA", "AES", Optional.empty()),
            user("pinned", "SHA-256", "AES-256", Optional.of("8000000001020304"))),
        Optional.empty(), perSource, burst, 1000, Duration.ofDays(30));
    SampleBatch.registerCodec(vertx);
    vertx.eventBus().<SampleBatch>localConsumer(EventAddresses.SAMPLES, message -> message.body().samples().stream()
        .filter(sample -> sample.measurement().equals("snmp_trap")).forEach(traps::add));
    Await.result(vertx.deployVerticle(new TrapVerticle(config, List.of(SWITCH), repository, counters, Clock.systemUTC())));
    sender = new TrapSender(dir.resolve("net-snmp"), port);
  }

  private static TrapUser user(String name, String auth, String priv, Optional<String> engineId) {
    return new TrapUser(name, auth, Optional.of(Secret.of(TrapSender.AUTH_PASSWORD)), priv, Optional.of(Secret.of(TrapSender.PRIV_PASSWORD)),
        engineId, "leitwarte.yaml:1");
  }

  @Test
  void a_v2c_link_down_of_a_known_device_becomes_an_event_named_like_the_polled_interface() {
    start(100, 200);
    // What the SNMP collector published at the last poll: ifIndex 4 is Gi0/4.
    vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch("wr-sw1", List.of(new Sample("interface",
        Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", "wr-sw1", "if_index", "4", "if_name", "Gi0/4"),
        Map.of("oper_status", 1L), System.currentTimeMillis()))));

    Eventually.until("the interface name is known", WAIT, () -> {
      assertThat(sender.v2cLinkDown(TrapSender.COMMUNITY, 4).exitCode()).isZero();
      return traps.stream().anyMatch(sample -> "Gi0/4".equals(sample.tag("if_name")));
    });

    Sample sample = traps.stream().filter(s -> "Gi0/4".equals(s.tag("if_name"))).findFirst().orElseThrow();
    assertThat(sample.tags()).containsExactlyInAnyOrderEntriesOf(
        Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", "wr-sw1", "if_index", "4", "if_name", "Gi0/4"));
    assertThat(sample.fields()).containsEntry("trap", "linkDown").containsEntry("trap_oid", "1.3.6.1.6.3.1.1.5.3")
        .containsEntry("version", "2c").containsEntry("source", "127.0.0.1")
        .containsEntry("admin_status", 1L).containsEntry("oper_status", 2L);
    assertThat((String) sample.field("varbinds")).contains("1.3.6.1.2.1.2.2.1.8.4=2");
    List<TrapEventRepository.StoredTrapEvent> stored =
        Await.until(() -> repository.ofDevice("wr-sw1", 10), events -> !events.isEmpty());
    assertThat(stored).first().satisfies(event -> {
      assertThat(event.event().trap()).isEqualTo("linkDown");
      assertThat(event.event().ifName()).contains("Gi0/4");
      assertThat(event.event().knownSource()).isTrue();
    });
    assertThat(counters.total(TrapOutcome.ACCEPTED)).isEqualTo(traps.size());
  }

  @Test
  void events_the_store_cannot_take_still_reach_the_rules_and_are_counted_as_not_stored() {
    start(100, 200);
    Await.result(stores.close(vertx));
    stores = null;

    assertThat(sender.v2cLinkDown(TrapSender.COMMUNITY, 4).exitCode()).isZero();

    Eventually.until("the event is counted as not stored", WAIT, () -> counters.unstored() == 1);
    assertThat(traps).hasSize(1);
    assertThat(counters.total(TrapOutcome.ACCEPTED)).isEqualTo(1);
  }

  @Test
  void v1_generic_and_enterprise_traps_get_their_names() {
    start(100, 200);

    assertThat(sender.run(List.of("snmptrap", "-v1", "-c", TrapSender.COMMUNITY, sender.target(), "1.3.6.1.4.1.8072.2.3", "127.0.0.1",
        "2", "0", "", TrapSender.ifIndexOid(7), "i", "7")).exitCode()).isZero();
    assertThat(sender.run(List.of("snmptrap", "-v1", "-c", TrapSender.COMMUNITY, sender.target(), "1.3.6.1.4.1.8072.2.3", "127.0.0.1",
        "6", "17", "")).exitCode()).isZero();
    assertThat(sender.run(List.of("snmptrap", "-v1", "-c", TrapSender.COMMUNITY, sender.target(), "1.3.6.1.4.1.8072.2.3", "127.0.0.1",
        "0", "0", "")).exitCode()).isZero();

    Eventually.until("three v1 traps", WAIT, () -> traps.size() == 3);
    assertThat(traps).extracting(sample -> sample.field("trap"))
        .containsExactlyInAnyOrder("linkDown", "1.3.6.1.4.1.8072.2.3.0.17", "coldStart");
    assertThat(traps).allSatisfy(sample -> assertThat(sample.field("version")).isEqualTo("1"));
    assertThat(traps).filteredOn(sample -> "linkDown".equals(sample.field("trap")))
        .singleElement().satisfies(sample -> assertThat(sample.tag("if_index")).isEqualTo("7"));
  }

  @Test
  void v3_auth_priv_traps_and_informs_are_accepted_and_wrong_credentials_are_counted_and_dropped() {
    start(100, 200);

    assertThat(sender.v3Trap(TrapSender.ENGINE_ID, TrapSender.USER, "SHA", TrapSender.AUTH_PASSWORD, "AES", TrapNames.LINK_DOWN, 5, "2")
        .exitCode()).isZero();
    assertThat(sender.v3Trap(TrapSender.ENGINE_ID, "pinned", "SHA-256", TrapSender.AUTH_PASSWORD, "AES-256", TrapNames.LINK_UP, 5, "1")
        .exitCode()).isZero();
    Eventually.until("two v3 traps", WAIT, () -> traps.size() == 2);
    assertThat(traps).extracting(sample -> sample.field("trap")).containsExactly("linkDown", "linkUp");
    assertThat(traps).allSatisfy(sample -> assertThat(sample.field("version")).isEqualTo("3"));

    // Wrong password, wrong engine for a pinned user, too low a security level, wrong community.
    sender.v3Trap(TrapSender.ENGINE_ID, TrapSender.USER, "SHA", "wrongpass123", "AES", TrapNames.LINK_DOWN, 6, "2");
    sender.v3Trap("0x8000000009090909", "pinned", "SHA-256", TrapSender.AUTH_PASSWORD, "AES-256", TrapNames.LINK_DOWN, 6, "2");
    sender.run(List.of("snmptrap", "-v3", "-e", TrapSender.ENGINE_ID, "-l", "noAuthNoPriv", "-u", TrapSender.USER, sender.target(), "",
        TrapNames.LINK_DOWN));
    sender.v2cLinkDown("public", 6);
    Eventually.until("four refused traps counted", WAIT, () -> counters.total(TrapOutcome.AUTH_FAILED) == 4);

    // Informs are acknowledged: the tools exit 0 only when the answer came.
    TrapSender.Result v2cInform = sender.run(List.of("snmpinform", "-v2c", "-c", TrapSender.COMMUNITY, "-t", "2", "-r", "1",
        sender.target(), "", TrapNames.WARM_START));
    assertThat(v2cInform.exitCode()).as(v2cInform.output()).isZero();
    TrapSender.Result v3Inform = sender.run(List.of("snmpinform", "-v3", "-l", "authPriv", "-u", TrapSender.USER, "-a", "SHA",
        "-A", TrapSender.AUTH_PASSWORD, "-x", "AES", "-X", TrapSender.PRIV_PASSWORD, "-t", "2", "-r", "1", sender.target(), "",
        TrapNames.COLD_START));
    assertThat(v3Inform.exitCode()).as(v3Inform.output()).isZero();

    Eventually.until("two informs", WAIT, () -> traps.size() == 4);
    assertThat(traps).extracting(sample -> sample.field("trap")).containsExactly("linkDown", "linkUp", "warmStart", "coldStart");
    assertThat(traps).noneMatch(sample -> "6".equals(sample.tag("if_index")));
    assertThat(counters.total(TrapOutcome.AUTH_FAILED)).isEqualTo(4);
  }

  @Test
  void a_trap_from_an_address_not_in_the_inventory_is_kept_as_an_unknown_source_event() {
    start(100, 200);

    TrapSender.Result sent = sender.run(List.of("snmptrap", "-v2c", "-c", TrapSender.COMMUNITY, sender.target(), "", TrapNames.LINK_DOWN,
        TrapSender.ifIndexOid(2), "i", "2"), List.of("--clientaddr=127.0.0.2"));
    assertThat(sent.exitCode()).as(sent.output()).isZero();

    Eventually.until("the trap from 127.0.0.2", WAIT, () -> traps.size() == 1);
    assertThat(traps.get(0).tags()).containsEntry("tenant", TrapEvent.UNKNOWN_TENANT).containsEntry("site", "-")
        .containsEntry("device", "127.0.0.2");
    List<TrapEventRepository.StoredTrapEvent> unknown = Await.until(() -> repository.ofUnknownSources(10), events -> !events.isEmpty());
    assertThat(unknown).singleElement().satisfies(event -> {
      assertThat(event.event().source()).isEqualTo("127.0.0.2");
      assertThat(event.event().knownSource()).isFalse();
    });
    assertThat(Await.result(repository.ofDevice("wr-sw1", 10))).isEmpty();
    assertThat(counters.total(TrapOutcome.UNKNOWN_SOURCE)).isEqualTo(1);
    assertThat(counters.total(TrapOutcome.ACCEPTED)).isZero();
  }

  @Test
  void ten_thousand_malformed_packets_leave_the_receiver_up_and_a_trap_sent_after_them_is_processed() throws Exception {
    start(1_000_000, 1_000_000);
    byte[] valid = capturedTrap();
    Random random = new Random(42);
    int sent = 0;
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      InetSocketAddress receiver = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      for (int batch = 0; batch < 20; batch++) {
        for (int i = 0; i < 500; i++) {
          byte[] packet = malformed(valid, random, sent);
          socket.send(new DatagramPacket(packet, packet.length, receiver));
          sent++;
        }
        int expected = sent;
        // Paced by what the receiver counted, so that the socket buffer never overflows.
        Eventually.until("the receiver counted " + expected + " packets", WAIT, () -> counted() == expected);
      }
    }
    assertThat(sent).isEqualTo(10_000);
    assertThat(counters.total(TrapOutcome.MALFORMED)).isGreaterThan(5_000);

    assertThat(sender.v2cLinkDown(TrapSender.COMMUNITY, 777).exitCode()).isZero();
    Eventually.until("the trap sent after the storm", WAIT, () -> traps.stream().anyMatch(sample -> "777".equals(sample.tag("if_index"))));
  }

  @Test
  void a_storming_source_is_limited_and_another_still_gets_through() throws Exception {
    start(5, 10);
    byte[] valid = capturedTrap();
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0))) {
      InetSocketAddress receiver = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      for (int i = 0; i < 200; i++) {
        socket.send(new DatagramPacket(valid, valid.length, receiver));
      }
    }
    Eventually.until("200 packets counted", WAIT, () -> counted() == 200);
    assertThat(counters.total(TrapOutcome.RATE_LIMITED)).isGreaterThanOrEqualTo(150);
    assertThat(counters.total(TrapOutcome.UNKNOWN_SOURCE)).isBetween(10L, 50L);

    assertThat(sender.v2cLinkDown(TrapSender.COMMUNITY, 9).exitCode()).isZero();
    Eventually.until("the trap of the device in the inventory", WAIT,
        () -> traps.stream().anyMatch(sample -> "wr-sw1".equals(sample.tag("device"))));
  }

  @Test
  void forged_sender_addresses_beyond_a_thousand_are_kept_but_not_put_on_the_sample_stream() throws Exception {
    start(100, 200);
    byte[] valid = capturedTrap();
    int addresses = TrapVerticle.MAX_UNKNOWN_SOURCES_PUBLISHED + 50;
    InetSocketAddress receiver = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    for (int i = 0; i < addresses; i++) {
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.1." + (i / 250) + "." + (1 + i % 250)), 0))) {
        socket.send(new DatagramPacket(valid, valid.length, receiver));
      }
      if (i % 500 == 499) {
        int expected = i + 1;
        Eventually.until(expected + " packets counted", WAIT, () -> counted() == expected);
      }
    }
    Eventually.until("every trap counted", WAIT, () -> counters.total(TrapOutcome.UNKNOWN_SOURCE) == addresses);

    Eventually.until("the last unknown source stored", WAIT,
        () -> Await.result(repository.ofUnknownSources(1)).stream().anyMatch(event -> event.event().source().equals("127.1.4.50")));
    Eventually.until("a thousand on the sample stream", WAIT, () -> traps.size() >= TrapVerticle.MAX_UNKNOWN_SOURCES_PUBLISHED);
    assertThat(traps).hasSize(TrapVerticle.MAX_UNKNOWN_SOURCES_PUBLISHED);
    assertThat(traps).extracting(sample -> sample.tag("device")).doesNotHaveDuplicates().doesNotContain("127.1.4.50");
  }

  @Test
  void a_port_already_taken_fails_the_start_with_a_message_naming_it() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      stores = new StoreFixture(dir);
      Store store = Await.result(stores.open(vertx, Dialect.H2));
      LeitwarteConfig.Traps config = new LeitwarteConfig.Traps("127.0.0.1", taken.getLocalPort(), List.of(Secret.of("c")), List.of(),
          Optional.empty(), 100, 200, 1000, Duration.ofDays(30));
      TrapVerticle verticle = new TrapVerticle(config, List.of(SWITCH), new TrapEventRepository(store.pool()),
          new TrapCounters(new SimpleMeterRegistry()), Clock.systemUTC());
      assertThat(Await.failure(vertx.deployVerticle(verticle)))
          .hasMessageStartingWith("traps: cannot listen on 127.0.0.1 port " + taken.getLocalPort() + ": ");
    }
  }

  private long counted() {
    return Arrays.stream(TrapOutcome.values()).mapToLong(counters::total).sum();
  }

  /** A real v2c linkDown as snmptrap sends it, caught on a socket of the test's own. */
  private byte[] capturedTrap() throws Exception {
    try (DatagramSocket catcher = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      catcher.setSoTimeout((int) TimeUnit.SECONDS.toMillis(10));
      TrapSender toCatcher = new TrapSender(dir.resolve("net-snmp-catcher"), catcher.getLocalPort());
      assertThat(toCatcher.v2cLinkDown(TrapSender.COMMUNITY, 3).exitCode()).isZero();
      DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
      try {
        catcher.receive(packet);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("snmptrap sent nothing", e);
      }
      return Arrays.copyOf(packet.getData(), packet.getLength());
    }
  }

  /** Garbage, a truncated trap, a trap with flipped bytes or an absurd length, in turn. */
  private static byte[] malformed(byte[] valid, Random random, int n) {
    return switch (n % 4) {
      case 0 -> {
        byte[] garbage = new byte[1 + random.nextInt(600)];
        random.nextBytes(garbage);
        yield garbage;
      }
      case 1 -> Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
      case 2 -> {
        byte[] flipped = valid.clone();
        for (int i = 0; i < 3; i++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
        }
        yield flipped;
      }
      default -> {
        byte[] huge = valid.clone();
        huge[1] = (byte) 0x84;
        yield huge;
      }
    };
  }
}
