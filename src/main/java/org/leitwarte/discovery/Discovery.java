package org.leitwarte.discovery;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.icmp.IcmpCollector;
import org.leitwarte.collect.snmp.SystemProbe;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.Tenant;

/**
 * One discovery run: the ranges expanded ({@link AddressRanges}), swept with fping through the ICMP
 * collector (its batches, its {@code icmp:} settings), every address that answered asked for its system
 * group with each credential of {@code discovery.snmp} in turn until one answers (at most {@code
 * discovery.max_concurrent} addresses at once, each request with the credential's timeout and retries),
 * and the result proposed as inventory YAML. Discovery never changes the inventory.
 */
public final class Discovery {

  private final Vertx vertx;
  private final DiscoverySettings settings;
  private final LeitwarteConfig.Icmp icmp;
  private final String snmpBindAddress;

  /**
   * @param snmpSourceAddress {@code polling.snmp.source_address}: where SNMP requests leave from
   */
  public Discovery(Vertx vertx, DiscoverySettings settings, LeitwarteConfig.Icmp icmp, String snmpSourceAddress) {
    this.vertx = vertx;
    this.settings = settings;
    this.icmp = icmp;
    this.snmpBindAddress = snmpSourceAddress + "/0";
  }

  public DiscoverySettings settings() {
    return settings;
  }

  /**
   * Checks a request without running it.
   *
   * @return the addresses the run would sweep
   * @throws DiscoveryRefusedException for an unknown tenant or a range that is no CIDR or too large
   */
  public List<String> check(String tenant, List<String> ranges, Inventory inventory) {
    if (inventory.tenants().stream().noneMatch(known -> known.id().equals(tenant))) {
      String known = inventory.tenants().stream().map(Tenant::id).collect(Collectors.joining(", "));
      throw new DiscoveryRefusedException("tenant", "unknown tenant '" + tenant + "'; the inventory has "
          + (known.isEmpty() ? "no tenants" : known));
    }
    return AddressRanges.expand(ranges, settings.maxAddresses());
  }

  /**
   * Runs discovery for {@code tenant} over {@code ranges}. Fails with {@link DiscoveryRefusedException} for
   * a request {@link #check} refuses, or with {@link DiscoveryUnavailableException} naming why fping or the
   * SNMP socket could not be used.
   *
   * @param inventory what is already known: its devices' addresses are marked, its ids are not proposed
   */
  public Future<DiscoveryReport> run(String tenant, List<String> ranges, Inventory inventory) {
    return run(tenant, ranges, inventory, "de");
  }

  /** As {@link #run(String, List, Inventory)}, with the snippet's comments in {@code language} ({@code de}, {@code en}). */
  public Future<DiscoveryReport> run(String tenant, List<String> ranges, Inventory inventory, String language) {
    List<String> addresses;
    try {
      addresses = check(tenant, ranges, inventory);
    } catch (DiscoveryRefusedException e) {
      return Future.failedFuture(e);
    }
    // One context for the whole run, also when called from a thread of the command line.
    Context context = vertx.getOrCreateContext();
    Promise<DiscoveryReport> promise = Promise.promise();
    context.runOnContext(v -> sweep(addresses)
        .compose(pinged -> probeAll(pinged).map(answers -> new Findings(addresses, pinged, answers)))
        .map(findings -> {
          Proposal proposal = ProposalPlanner.plan(tenant, ranges, findings, inventory);
          return new DiscoveryReport(findings, proposal, InventorySnippet.render(proposal, settings.credentials(), language));
        })
        .onComplete(promise));
    return promise.future();
  }

  /** The addresses that answered at least one echo request, in sweep order. */
  private Future<List<String>> sweep(List<String> addresses) {
    return IcmpCollector.create(vertx, icmp)
        .recover(failure -> Future.failedFuture(new DiscoveryUnavailableException("cannot ping: " + failure.getMessage(), failure)))
        .compose(collector -> {
      long now = System.currentTimeMillis();
      List<Future<PollResult>> pings = addresses.stream().map(address -> collector.poll(pingTarget(address), now)).toList();
      return Future.join(pings).eventually(collector::close).transform(done -> {
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
          if (pings.get(i).succeeded() && answered(pings.get(i).result())) {
            answered.add(addresses.get(i));
          }
        }
        return Future.succeededFuture(answered);
      });
    });
  }

  private static Device pingTarget(String address) {
    return new Device(address, "-", Device.NO_SITE, address, Optional.empty(), true, Duration.ofMinutes(1),
        Optional.empty(), Map.of(), List.of(), "discovery");
  }

  private static boolean answered(PollResult result) {
    return result instanceof PollResult.Ok ok && ok.samples().stream()
        .map(sample -> sample.fields().get("received"))
        .anyMatch(received -> received instanceof Long count && count > 0);
  }

  private Future<List<SnmpAnswer>> probeAll(List<String> pinged) {
    if (pinged.isEmpty() || settings.credentials().isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return SystemProbe.open(vertx, snmpBindAddress)
        .recover(failure -> Future.failedFuture(new DiscoveryUnavailableException("cannot open an SNMP socket on "
            + snmpBindAddress + ": " + failure.getMessage(), failure)))
        .compose(probe ->
        Bounded.map(pinged, settings.maxConcurrent(), address -> probe(probe, address, 0))
            .eventually(probe::close))
        .map(answers -> answers.stream().flatMap(Optional::stream).toList());
  }

  /** Credential {@code index}, then the next, until one answers; empty when none does. */
  private Future<Optional<SnmpAnswer>> probe(SystemProbe probe, String address, int index) {
    List<SnmpSettings> credentials = settings.credentials();
    if (index >= credentials.size()) {
      return Future.succeededFuture(Optional.empty());
    }
    return probe.probe(address, credentials.get(index)).compose(result -> result instanceof PollResult.Ok ok
        ? Future.succeededFuture(Optional.of(answer(address, index, ok)))
        : probe(probe, address, index + 1));
  }

  private static SnmpAnswer answer(String address, int credential, PollResult.Ok ok) {
    Map<String, Object> fields = ok.samples().stream().findFirst().map(Sample::fields).orElse(Map.of());
    return new SnmpAnswer(address, credential, text(fields, "sys_name"), text(fields, "sys_descr"), text(fields, "sys_object_id"));
  }

  private static Optional<String> text(Map<String, Object> fields, String name) {
    return Optional.ofNullable(fields.get(name)).map(String::valueOf);
  }
}
