package org.leitwarte.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.leitwarte.collect.Collector;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.icmp.IcmpCollector;
import org.leitwarte.collect.service.ServiceCheckCollector;
import org.leitwarte.collect.snmp.SnmpCollector;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.metrics.LineProtocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code leitwarte poll --config FILE --device ID}: polls one device with every collector that
 * applies and prints the samples as InfluxDB line protocol on stdout, each collector's outcome on
 * stderr. Writes nothing and does not touch the store, so it works beside a running service.
 */
@Command(name = "poll", description = "Poll one device once and print what was collected as InfluxDB line protocol.")
final class PollCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, description = "leitwarte.yaml")
  Path config;

  @Option(names = {"-d", "--device"}, required = true, description = "id of the device in the inventory")
  String deviceId;

  @Option(names = "--rates", description = "poll twice, --rate-wait apart, and print the second poll, which has rates")
  boolean rates;

  @Option(names = "--rate-wait", defaultValue = "5s", description = "time between the two polls of --rates (default ${DEFAULT-VALUE})",
      converter = DurationConverter.class)
  Duration rateWait;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadedConfig loaded = LoadedConfig.load(config, System.getenv(), err);
    if (loaded == null) {
      return LeitwarteCommand.CONFIG_ERROR;
    }
    Optional<Device> device = loaded.inventory().device(deviceId);
    if (device.isEmpty()) {
      err.printf("%s: no device '%s' in the inventory%n", config, deviceId);
      err.flush();
      return LeitwarteCommand.CONFIG_ERROR;
    }
    Vertx vertx = Vertx.vertx();
    try {
      // The command line is the edge of the program: blocking on the result here is fine.
      List<Collector> collectors = start(vertx, loaded.config(), device.get()).toCompletionStage().toCompletableFuture().get();
      try {
        List<Result> results = pollAll(collectors, device.get()).toCompletionStage().toCompletableFuture().get();
        if (rates) {
          Thread.sleep(rateWait.toMillis());
          results = pollAll(collectors, device.get()).toCompletionStage().toCompletableFuture().get();
        }
        return print(results, out, err);
      } finally {
        Future.join(collectors.stream().map(Collector::close).toList()).toCompletionStage().toCompletableFuture().join();
      }
    } catch (ExecutionException e) {
      err.println("cannot poll " + deviceId + ": " + e.getCause().getMessage());
      err.flush();
      return LeitwarteCommand.START_FAILED;
    } finally {
      vertx.close();
    }
  }

  private record Result(String collector, PollResult result) {}

  private static Future<List<Collector>> start(Vertx vertx, LeitwarteConfig config, Device device) {
    List<Future<? extends Collector>> started = new ArrayList<>();
    if (device.snmp().isPresent()) {
      started.add(SnmpCollector.start(vertx, config.polling().snmpSourceAddress() + "/0"));
    }
    if (device.icmp()) {
      started.add(IcmpCollector.create(vertx, config.icmp()));
    }
    if (!device.checks().isEmpty()) {
      started.add(Future.succeededFuture(new ServiceCheckCollector(vertx, config.serviceChecks(), java.time.Clock.systemUTC())));
    }
    return Future.all(started).map(all -> started.stream().map(f -> (Collector) f.result()).toList());
  }

  private static Future<List<Result>> pollAll(List<Collector> collectors, Device device) {
    long slot = System.currentTimeMillis();
    List<Future<Result>> polls = collectors.stream()
        .map(c -> c.poll(device, slot).map(result -> new Result(c.name(), result)))
        .toList();
    return Future.all(polls).map(all -> polls.stream().map(Future::result).toList());
  }

  private static int print(List<Result> results, PrintWriter out, PrintWriter err) {
    boolean ok = true;
    for (Result result : results) {
      int lines = 0;
      for (Sample sample : result.result().samples()) {
        Optional<String> line = LineProtocol.line(sample);
        if (line.isPresent()) {
          out.println(line.get());
          lines++;
        }
      }
      String detail = "";
      if (result.result() instanceof PollResult.AuthFailure failure) {
        detail = ": " + failure.reason();
      } else if (result.result() instanceof PollResult.Error error) {
        detail = ": " + error.reason();
      }
      err.printf("%s: %s%s (%d lines)%n", result.collector(), result.result().status(), detail, lines);
      ok &= result.result() instanceof PollResult.Ok;
    }
    out.flush();
    err.flush();
    return ok ? 0 : LeitwarteCommand.POLL_FAILED;
  }
}
