package org.leitwarte.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.leitwarte.Leitwarte;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leitwarte run --config FILE}: the service, until SIGTERM or Ctrl-C. */
@Command(name = "run", description = "Run Leitwarte: poll the inventory, write to InfluxDB, serve /health and /metrics.")
final class RunCommand implements Callable<Integer> {

  /** How long a graceful stop may take: polls in flight, the last flush, the spool. */
  private static final long STOP_SECONDS = 60;

  @Option(names = {"-c", "--config"}, required = true, description = "leitwarte.yaml")
  Path config;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    LoadedConfig loaded = LoadedConfig.load(config, System.getenv(), err);
    if (loaded == null) {
      return LeitwarteCommand.CONFIG_ERROR;
    }
    Vertx vertx = Vertx.vertx();
    Leitwarte leitwarte;
    try {
      // The command line is the edge of the program: waiting for start-up here blocks no event loop.
      leitwarte = Leitwarte.start(vertx, loaded.config(), loaded.inventory()).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      err.println("Leitwarte could not start: " + e.getCause().getMessage());
      err.flush();
      vertx.close();
      return LeitwarteCommand.START_FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(leitwarte, vertx), "leitwarte-shutdown"));
    return LeitwarteCommand.KEEP_RUNNING;
  }

  private static void stop(Leitwarte leitwarte, Vertx vertx) {
    try {
      leitwarte.stop().toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
      // Closed from this thread, not in a continuation on an event loop that the close terminates.
      vertx.close().toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Logging may already be shut down; stderr is all that is left at this point.
      System.err.println("Leitwarte did not stop cleanly: " + e);
    }
  }
}
