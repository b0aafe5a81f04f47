package org.leitwarte.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problem;
import org.leitwarte.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A command that works on the store directly, as the service does (users and tokens: they must work
 * before anyone can sign in). With an embedded H2 store the service must be stopped meanwhile (H2 lets
 * one process open the file); PostgreSQL has no such limit. Exit 0 when done, 1 when refused (the
 * reason is printed), {@value LeitwarteCommand#CONFIG_ERROR} for a configuration that cannot be used,
 * {@value LeitwarteCommand#START_FAILED} when the store cannot be opened.
 */
abstract class StoreCommand implements Callable<Integer> {

  private static final long TIMEOUT_SECONDS = 60;

  @Option(names = {"-c", "--config"}, required = true, description = "leitwarte.yaml: its store is used")
  Path config;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The work, on the opened store; fails with an IllegalArgumentException for a refusal. */
  abstract Future<Void> run(Pool pool, Clock clock, PrintWriter out);

  /** Who the audit log names for changes from the command line: the operating-system user. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  @Override
  public final Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Integer usage = prepare(err);
    if (usage != null) {
      return usage;
    }
    LeitwarteConfig loaded;
    try {
      loaded = ConfigLoader.load(config, System.getenv());
    } catch (ConfigException e) {
      e.problems().stream().map(Problem::toString).forEach(err::println);
      err.flush();
      return LeitwarteCommand.CONFIG_ERROR;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Store store;
      try {
        store = await(Store.open(vertx, loaded.store()));
      } catch (ExecutionException e) {
        err.println("The store cannot be opened: " + e.getCause().getMessage());
        return LeitwarteCommand.START_FAILED;
      }
      try {
        await(run(store.pool(), Clock.systemUTC(), out));
        return CommandLine.ExitCode.OK;
      } catch (ExecutionException e) {
        err.println("refused: " + e.getCause().getMessage());
        return LeitwarteCommand.REFUSED;
      } finally {
        await(store.close().recover(e -> Future.succeededFuture()));
      }
    } catch (ExecutionException e) {
      err.println(e.getCause().getMessage());
      return LeitwarteCommand.START_FAILED;
    } finally {
      out.flush();
      err.flush();
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** Checks and reads what the command needs before the store is opened; an exit code to stop with, or null. */
  Integer prepare(PrintWriter err) {
    return null;
  }

  /** The command line is the edge of the program: waiting here blocks no event loop. */
  private static <T> T await(Future<T> future) throws ExecutionException, InterruptedException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new ExecutionException(new IllegalStateException("no answer from the store within " + TIMEOUT_SECONDS + " s"));
    }
  }
}
