package org.leitwarte.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers batches of lines to InfluxDB: directly while it answers; through the {@link Spool} from the
 * first batch it cannot take until the spool is replayed, so that the order of lines is kept. Lines
 * InfluxDB refuses as malformed are found by halving the batch (writing a good line twice is harmless)
 * and go to the {@link Quarantine}.
 *
 * <p>Blocking and not thread-safe: every method runs on the writer's one worker thread.
 */
final class SpoolingDelivery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SpoolingDelivery.class);

  /** What one call of {@link #replay} achieved. */
  enum ReplayStep {
    /** The spool is empty; new batches go straight to InfluxDB again. */
    DRAINED,
    /** Chunks were replayed and more are waiting. */
    PROGRESS,
    /** InfluxDB (or the spool) failed; try again later. */
    FAILED
  }

  private final InfluxClient client;
  private final Spool spool;
  private final Quarantine quarantine;
  private final WriterStatistics statistics;
  private final int batchSize;

  private volatile boolean spooling;
  private boolean replayedInEpisode;
  private long droppedInEpisode;
  private long replayedLinesInEpisode;
  private String lastUnavailableReason = "";

  SpoolingDelivery(InfluxClient client, Spool spool, Quarantine quarantine, WriterStatistics statistics, int batchSize) {
    this.client = client;
    this.spool = spool;
    this.quarantine = quarantine;
    this.statistics = statistics;
    this.batchSize = batchSize;
  }

  /** Creates the database if InfluxDB answers, and resumes spooling when the spool holds lines. */
  void start() {
    InfluxOutcome outcome = client.ensureDatabase();
    if (outcome instanceof InfluxOutcome.Ok) {
      statistics.influxUp(true);
    } else {
      statistics.influxUp(false);
      statistics.error("InfluxDB at " + client.endpoint() + ": " + reasonOf(outcome));
      LOG.warn("InfluxDB at {} cannot create database yet ({}); will retry on write", client.endpoint(), reasonOf(outcome));
    }
    setSpooling(!spool.isEmpty());
  }

  /** Whether lines wait in the spool, so that a replay is due. */
  boolean hasSpooledData() {
    return spooling;
  }

  /**
   * Writes the batch, or spools it (and what InfluxDB did not take) when the spool is in use or InfluxDB
   * does not answer.
   *
   * @return whether lines now wait in the spool
   */
  boolean deliver(List<String> batch) {
    if (batch.isEmpty()) {
      return spooling;
    }
    if (spooling) {
      append(batch);
      return true;
    }
    int delivered = writeAll(batch);
    if (delivered == batch.size()) {
      return false;
    }
    LOG.warn("InfluxDB at {} is unavailable ({}); spooling lines to {} until it answers again",
        client.endpoint(), lastUnavailableReason, spool.dir());
    setSpooling(true);
    append(batch.subList(delivered, batch.size()));
    return true;
  }

  /** Replays up to {@code maxChunks} chunks of the spool, oldest first. */
  ReplayStep replay(int maxChunks) {
    for (int i = 0; i < maxChunks; i++) {
      Optional<Spool.Chunk> next;
      try {
        next = spool.next(batchSize);
      } catch (IOException e) {
        return spoolTrouble("cannot read spool " + spool.dir() + ": " + e.getMessage());
      }
      if (next.isEmpty()) {
        drained();
        return ReplayStep.DRAINED;
      }
      Spool.Chunk chunk = next.get();
      int delivered = writeAll(chunk.lines());
      try {
        spool.acknowledge(chunk, delivered);
      } catch (IOException e) {
        return spoolTrouble("cannot record replay progress in " + spool.dir() + ": " + e.getMessage());
      }
      replayedLinesInEpisode += delivered;
      if (delivered < chunk.lines().size()) {
        LOG.debug("Replay paused: InfluxDB at {} is unavailable ({})", client.endpoint(), lastUnavailableReason);
        return ReplayStep.FAILED;
      }
      if (!replayedInEpisode) {
        replayedInEpisode = true;
        LOG.info("InfluxDB at {} answers again; replaying {} spooled lines", client.endpoint(),
            spool.pendingLines() + delivered);
      }
    }
    return ReplayStep.PROGRESS;
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
    } finally {
      spool.close();
    }
  }

  private void drained() {
    if (!spooling) {
      return;
    }
    setSpooling(false);
    LOG.info("Spool drained ({} lines replayed); writing to InfluxDB directly again", replayedLinesInEpisode);
    if (droppedInEpisode > 0) {
      LOG.warn("While InfluxDB was unavailable, {} lines were lost because the spool was full", droppedInEpisode);
    }
    replayedInEpisode = false;
    replayedLinesInEpisode = 0;
    droppedInEpisode = 0;
  }

  private ReplayStep spoolTrouble(String message) {
    LOG.error("{}", message);
    statistics.error(message);
    return ReplayStep.FAILED;
  }

  private void setSpooling(boolean value) {
    spooling = value;
    statistics.spooling(value);
  }

  private void append(List<String> lines) {
    long dropped;
    try {
      dropped = spool.append(lines);
    } catch (IOException e) {
      String message = "cannot write " + lines.size() + " lines to spool " + spool.dir() + ", they are lost: " + e.getMessage();
      LOG.error("{}", message);
      statistics.error(message);
      statistics.dropped(lines.size());
      return;
    }
    if (dropped > 0) {
      if (droppedInEpisode == 0) {
        LOG.warn("Spool {} is full: dropped the {} oldest unsent lines, that data is lost; further losses are counted"
            + " in leitwarte_lines_dropped_total and summed up when InfluxDB is back", spool.dir(), dropped);
      }
      droppedInEpisode += dropped;
      statistics.dropped(dropped);
      statistics.error("spool full: " + droppedInEpisode + " lines dropped since InfluxDB became unavailable");
    }
  }

  /**
   * Writes the lines, quarantining the ones InfluxDB refuses.
   *
   * @return how many lines, from the start, are done (written or quarantined); the rest could not be
   *     written because InfluxDB became unavailable
   */
  private int writeAll(List<String> lines) {
    List<Quarantine.Entry> rejected = new ArrayList<>();
    int done = writeOrSplit(lines, rejected);
    if (done > 0) {
      statistics.written(done - rejected.size(), done > rejected.size() ? 1 : 0);
    }
    if (!rejected.isEmpty()) {
      keepRejected(rejected, lines.size());
    }
    return done;
  }

  private int writeOrSplit(List<String> lines, List<Quarantine.Entry> rejected) {
    InfluxOutcome outcome = writeCreatingDatabase(lines);
    if (outcome instanceof InfluxOutcome.Ok) {
      statistics.influxUp(true);
      return lines.size();
    }
    if (outcome instanceof InfluxOutcome.Rejected refusal) {
      statistics.influxUp(true);
      if (lines.size() == 1) {
        rejected.add(new Quarantine.Entry(lines.get(0), refusal.reason()));
        return 1;
      }
      int half = lines.size() / 2;
      int first = writeOrSplit(lines.subList(0, half), rejected);
      return first < half ? first : half + writeOrSplit(lines.subList(half, lines.size()), rejected);
    }
    lastUnavailableReason = reasonOf(outcome);
    statistics.influxUp(false);
    statistics.error("InfluxDB at " + client.endpoint() + ": " + lastUnavailableReason);
    return 0;
  }

  private InfluxOutcome writeCreatingDatabase(List<String> lines) {
    InfluxOutcome outcome = timedWrite(lines);
    if (!(outcome instanceof InfluxOutcome.DatabaseMissing missing)) {
      return outcome;
    }
    LOG.info("InfluxDB at {} reports {}; creating database and retention policy", client.endpoint(), missing.reason());
    InfluxOutcome created = client.ensureDatabase();
    if (!(created instanceof InfluxOutcome.Ok)) {
      return new InfluxOutcome.Unavailable("cannot create database: " + reasonOf(created));
    }
    outcome = timedWrite(lines);
    return outcome instanceof InfluxOutcome.DatabaseMissing still ? new InfluxOutcome.Unavailable(still.reason()) : outcome;
  }

  private InfluxOutcome timedWrite(List<String> lines) {
    long started = System.nanoTime();
    InfluxOutcome outcome = client.write(lines);
    if (outcome instanceof InfluxOutcome.Ok) {
      statistics.writeLatency(System.nanoTime() - started);
    }
    return outcome;
  }

  /** Keeps the refused lines, then counts them: once counted, they are in the quarantine file. */
  private void keepRejected(List<Quarantine.Entry> rejected, int batchLines) {
    String firstReason = rejected.get(0).reason();
    try {
      quarantine.append(rejected);
      LOG.warn("InfluxDB rejected {} of {} lines (first reason: {}); kept in {}", rejected.size(), batchLines,
          firstReason, quarantine.file());
    } catch (IOException e) {
      LOG.error("InfluxDB rejected {} of {} lines (first reason: {}) and they cannot be kept in {}: {}; first line: {}",
          rejected.size(), batchLines, firstReason, quarantine.file(), e.getMessage(), rejected.get(0).line());
    }
    statistics.error("InfluxDB rejected " + rejected.size() + " lines: " + firstReason);
    statistics.quarantined(rejected.size());
  }

  private static String reasonOf(InfluxOutcome outcome) {
    if (outcome instanceof InfluxOutcome.Unavailable unavailable) {
      return unavailable.reason();
    }
    if (outcome instanceof InfluxOutcome.DatabaseMissing missing) {
      return missing.reason();
    }
    if (outcome instanceof InfluxOutcome.Rejected refusal) {
      return refusal.reason();
    }
    return "ok";
  }
}
