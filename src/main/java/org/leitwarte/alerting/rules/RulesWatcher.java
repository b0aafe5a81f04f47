package org.leitwarte.alerting.rules;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.config.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the alert rules of a folder current while the service runs: watches the folder, waits until
 * edits have settled ({@link #DEFAULT_DEBOUNCE}), reloads leniently and hands the new {@link RuleSet}
 * to a callback on the Vert.x context that started it. A broken rule or file does not take anything
 * down: the last good version of what is broken stays active, and each problem is logged once, as
 * {@code file:line: message}, until it is fixed.
 *
 * <p>A thread of its own waits for file-system events; loading (file IO, compiling) runs through
 * {@code executeBlocking}, never on an event loop.
 */
public final class RulesWatcher {

  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(500);

  private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final Path folder;
  private final Duration debounce;
  private final Consumer<RuleSet> onChange;

  private Context context;
  private WatchService watchService;
  private long timer = -1;
  private Set<Problem> logged = Set.of();
  private volatile boolean stopped;
  private volatile RuleSet current = RuleSet.empty();
  private volatile List<Problem> problems = List.of();

  /** @param onChange receives every (re)loaded rule set, on the context that called {@link #start} */
  public RulesWatcher(Vertx vertx, Path folder, Consumer<RuleSet> onChange) {
    this(vertx, folder, DEFAULT_DEBOUNCE, onChange);
  }

  public RulesWatcher(Vertx vertx, Path folder, Duration debounce, Consumer<RuleSet> onChange) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.folder = Objects.requireNonNull(folder, "folder");
    this.debounce = Objects.requireNonNull(debounce, "debounce");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /**
   * Starts watching, loads the folder once and hands the rules to the callback. Problems in the
   * files do not fail it (they are logged and in {@link #problems}); a folder that cannot be watched
   * does.
   */
  public Future<RuleSet> start() {
    context = vertx.getOrCreateContext();
    // Watch before the first load, so that no edit between the two is missed.
    return context.executeBlocking(this::register, false)
        .compose(service -> {
          watchService = service;
          Thread thread = new Thread(this::watch, "leitwarte-rules-watch");
          thread.setDaemon(true);
          thread.start();
          return reload();
        });
  }

  /** Stops watching; the rules last handed out stay with whoever has them. */
  public Future<Void> stop() {
    stopped = true;
    if (context == null) {
      return Future.succeededFuture();
    }
    return context.executeBlocking(() -> {
      if (watchService != null) {
        watchService.close();
      }
      return null;
    }, false).compose(v -> {
      context.runOnContext(x -> vertx.cancelTimer(timer));
      return Future.<Void>succeededFuture();
    });
  }

  /** The rules in force: every good rule, and the last good version of every broken one. */
  public RuleSet current() {
    return current;
  }

  /** What is wrong in the folder now, as {@code file:line: message}; empty when all is well. For /health. */
  public List<Problem> problems() {
    return problems;
  }

  private WatchService register() throws IOException {
    WatchService service = folder.getFileSystem().newWatchService();
    try {
      folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      return service;
    } catch (IOException e) {
      service.close();
      throw e;
    }
  }

  /** Runs on its own thread: any event in the folder (a rename, a swapped symlink, …) means "look again". */
  private void watch() {
    while (!stopped) {
      WatchKey key;
      try {
        key = watchService.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      key.pollEvents();
      boolean valid = key.reset();
      context.runOnContext(v -> changed());
      if (!valid && !watchAgain()) {
        return;
      }
    }
  }

  /** The folder was removed: wait for it to come back, then load it again. */
  private boolean watchAgain() {
    LOG.warn("alert rules folder {} is gone; keeping the rules in force until it is back", folder);
    while (!stopped) {
      try {
        Thread.sleep(RETRY.toMillis());
        folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        context.runOnContext(v -> changed());
        return true;
      } catch (IOException e) {
        // still gone; try again
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return false;
      }
    }
    return false;
  }

  /** On the context: restart the quiet period; editors and git write in bursts. */
  private void changed() {
    if (stopped) {
      return;
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    timer = vertx.setTimer(Math.max(1, debounce.toMillis()), id -> {
      timer = -1;
      reload();
    });
  }

  private Future<RuleSet> reload() {
    return context.executeBlocking(() -> RuleLoader.loadLenient(folder)).map(this::apply);
  }

  private RuleSet apply(LoadResult result) {
    RuleSet next = result.withLastGood(current);
    logProblems(result.problems());
    int kept = next.size() - result.rules().size();
    LOG.info("alert rules loaded from {}: {} rules{}", folder, next.size(),
        kept == 0 ? "" : ", " + kept + " of them in their last good version");
    current = next;
    problems = result.problems();
    try {
      onChange.accept(next);
    } catch (RuntimeException e) {
      LOG.error("the new alert rules could not be handed over", e);
    }
    return next;
  }

  private void logProblems(List<Problem> now) {
    for (Problem problem : now) {
      if (!logged.contains(problem)) {
        LOG.warn("alert rules: {}", problem);
      }
    }
    if (now.isEmpty() && !logged.isEmpty()) {
      LOG.info("alert rules: every problem is fixed");
    }
    logged = new HashSet<>(now);
  }
}
