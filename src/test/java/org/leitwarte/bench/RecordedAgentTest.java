package org.leitwarte.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.snmp.SnmpCollector;
import org.leitwarte.inventory.Device;
import org.leitwarte.testsupport.SnmpsimServer;

class RecordedAgentTest {

  private static final long OCTETS_PER_SECOND = 1_000_000;

  private static Vertx vertx;
  private static SnmpCollector collector;
  private static RecordedAgent agent;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    collector = SnmpCollector.start(vertx, "127.0.0.1/0").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Recording cisco = Recording.load(SnmpsimServer.CISCO_RECORDING, OCTETS_PER_SECOND, 1);
    agent = RecordedAgent.start(cisco, 3);
  }

  @AfterAll
  static void stop() throws Exception {
    agent.close();
    collector.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void every_address_answers_as_the_recorded_cisco_switch_with_59_interfaces() throws Exception {
    assertThat(agent.addresses()).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.3");
    for (String address : agent.addresses()) {
      PollResult result = poll(device("sim-" + address, address));

      assertThat(result).isInstanceOf(PollResult.Ok.class);
      assertThat(samples(result, "snmp")).singleElement()
          .satisfies(snmp -> assertThat(snmp.field("sys_name")).isEqualTo("Profiler3750"));
      assertThat(samples(result, "interface")).hasSize(SnmpsimServer.CISCO_INTERFACES)
          .extracting(s -> s.tag("if_name")).contains("Fa3/0/1", "Vl1", "StackPort3");
    }
  }

  @Test
  void counters_move_at_the_configured_rate_and_uptime_advances() throws Exception {
    Device device = device("sim-rates", agent.addresses().get(0));
    PollResult first = poll(device);
    Thread.sleep(1000);
    PollResult second = poll(device);

    Map<String, Sample> interfaces = samples(second, "interface").stream()
        .collect(Collectors.toMap(s -> s.tag("if_name"), Function.identity()));
    assertThat((Double) interfaces.get("Fa3/0/1").field("in_bps")).isCloseTo(OCTETS_PER_SECOND * 8.0, within(OCTETS_PER_SECOND * 0.8));
    long upBefore = (Long) samples(first, "snmp").get(0).field("uptime_s");
    long upAfter = (Long) samples(second, "snmp").get(0).field("uptime_s");
    assertThat(upAfter - upBefore).isBetween(0L, 3L);
    assertThat((Long) interfaces.get("Fa3/0/1").field("in_octets")).isGreaterThan(
        (Long) samples(first, "interface").stream().filter(s -> s.tag("if_name").equals("Fa3/0/1")).findFirst().orElseThrow().field("in_octets"));
  }

  @Test
  void getnext_past_the_last_object_ends_the_walk_cleanly() throws Exception {
    // The Cisco recording has no HOST-RESOURCES or UCD tables: those walks end empty, not in error.
    PollResult result = poll(device("sim-empty-tables", agent.addresses().get(1)));

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    assertThat(samples(result, "storage")).isEmpty();
    assertThat(samples(result, "load")).isEmpty();
  }

  private static PollResult poll(Device device) throws Exception {
    return collector.poll(device, 1_700_000_000_000L).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Device device(String id, String address) {
    return BenchDevices.device(id, address, agent.port());
  }

  private static List<Sample> samples(PollResult result, String measurement) {
    return result.samples().stream().filter(s -> s.measurement().equals(measurement)).collect(Collectors.toList());
  }
}
