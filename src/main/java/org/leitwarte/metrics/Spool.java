package org.leitwarte.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, crash-safe queue of line-protocol lines on disk, for lines InfluxDB could not take yet.
 *
 * <p>Lines are appended to segment files ({@code segment-<n>.lp}) in order and forced to disk per
 * append. They are read back oldest first in {@link Chunk}s; once a chunk is in InfluxDB, {@link
 * #acknowledge} records the read position durably in the {@code cursor} file (segment and byte offset,
 * replaced atomically), and segments read to the end are deleted. After a crash, at most the last chunk
 * is read again — harmless, since InfluxDB overwrites a point with the same series and timestamp.
 *
 * <p>The bytes on disk are bounded by {@code maxBytes}: to make room, the oldest segments are deleted
 * and their unread lines counted as dropped. A {@code spool.lock} file keeps a second process off the
 * directory.
 *
 * <p>Not thread-safe: one thread appends, reads and acknowledges. The size accessors may be read from
 * any thread.
 */
public final class Spool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
  private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{20})\\.lp");
  private static final long MAX_SEGMENT_BYTES = 64L * 1024 * 1024;

  private final Path dir;
  private final long maxBytes;
  private final long segmentTargetBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();

  private long nextSequence;
  private long cursorSequence;
  private long cursorOffset;
  private long linesBeforeCursor;
  private long diskBytes;
  private long diskLines;
  private FileChannel active;

  private volatile long pendingBytes;
  private volatile long pendingLines;
  private volatile long droppedLines;

  private Spool(Path dir, long maxBytes, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentTargetBytes = Math.max(1, Math.min(MAX_SEGMENT_BYTES, maxBytes / 16));
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the spool in {@code dir} (created when missing), picking up what an earlier run left: lines
   * are counted again and a line torn by a crash during an append is cut off.
   *
   * @throws IOException when the directory cannot be used or another process holds it
   */
  public static Spool open(Path dir, long maxBytes) throws IOException {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("spool max_bytes must be positive, got " + maxBytes);
    }
    Files.createDirectories(dir);
    FileChannel lockChannel = FileChannel.open(dir.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("spool directory " + dir + " is in use by another metrics writer");
    }
    Spool spool = new Spool(dir, maxBytes, lockChannel, lock);
    try {
      spool.recover();
    } catch (IOException | RuntimeException e) {
      spool.close();
      throw e;
    }
    return spool;
  }

  public Path dir() {
    return dir;
  }

  /** Bytes of lines waiting to be replayed. */
  public long pendingBytes() {
    return pendingBytes;
  }

  /** Lines waiting to be replayed. */
  public long pendingLines() {
    return pendingLines;
  }

  /** Lines deleted unread to respect {@code maxBytes}, since this spool was opened. */
  public long droppedLines() {
    return droppedLines;
  }

  public boolean isEmpty() {
    return pendingLines == 0;
  }

  /**
   * Appends the lines (without line feeds) and forces them to disk.
   *
   * @return how many lines — older ones, or the oldest of these when they alone exceed the bound — were
   *     dropped to stay within {@code maxBytes}
   */
  public long append(List<String> lines) throws IOException {
    if (lines.isEmpty()) {
      return 0;
    }
    long dropped = 0;
    byte[] bytes = SpoolFiles.encode(lines);
    int lineCount = lines.size();
    if (bytes.length > maxBytes) {
      List<String> newest = SpoolFiles.newestFitting(lines, maxBytes);
      dropped += lines.size() - newest.size();
      lineCount = newest.size();
      bytes = SpoolFiles.encode(newest);
    }
    while (!segments.isEmpty() && diskBytes + bytes.length > maxBytes) {
      dropped += dropOldestSegment();
    }
    if (lineCount > 0) {
      Segment segment = activeSegment();
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        active.write(buffer);
      }
      active.force(false);
      segment.bytes += bytes.length;
      segment.lines += lineCount;
      diskBytes += bytes.length;
      diskLines += lineCount;
    }
    droppedLines += dropped;
    publish();
    return dropped;
  }

  /** The oldest unacknowledged lines, at most {@code maxLines}, all from one segment. */
  public Optional<Chunk> next(int maxLines) throws IOException {
    removeConsumedSegments();
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    Segment segment = segments.firstEntry().getValue();
    SpoolFiles.Lines read = SpoolFiles.readLines(segment.path, cursorOffset, segment.bytes, maxLines);
    if (read.lines().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Chunk(segment.sequence, cursorOffset, read.lines(), read.ends()));
  }

  /**
   * Records that the first {@code count} lines of the chunk are in InfluxDB; durable before it returns.
   * A chunk that no longer starts at the read position (its segment was dropped meanwhile) is ignored.
   */
  public void acknowledge(Chunk chunk, int count) throws IOException {
    if (count <= 0 || chunk.segment != cursorSequence || chunk.start != cursorOffset) {
      return;
    }
    if (count > chunk.lines.size()) {
      throw new IllegalArgumentException("cannot acknowledge " + count + " of " + chunk.lines.size() + " lines");
    }
    cursorOffset = chunk.ends[count - 1];
    linesBeforeCursor += count;
    writeCursor();
    removeConsumedSegments();
    publish();
  }

  @Override
  public void close() throws IOException {
    try {
      if (active != null) {
        active.close();
        active = null;
      }
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  private void recover() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher matcher = SEGMENT_NAME.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          long sequence = Long.parseLong(matcher.group(1));
          segments.put(sequence, new Segment(sequence, file));
        }
      }
    }
    Optional<SpoolFiles.Position> cursor = SpoolFiles.readCursor(dir);
    cursorSequence = cursor.map(SpoolFiles.Position::segment).orElse(segments.isEmpty() ? 1 : segments.firstKey());
    cursorOffset = cursor.map(SpoolFiles.Position::offset).orElse(0L);
    while (!segments.isEmpty() && segments.firstKey() < cursorSequence) {
      Files.deleteIfExists(segments.pollFirstEntry().getValue().path);
    }
    if (!segments.isEmpty() && segments.firstKey() > cursorSequence) {
      cursorSequence = segments.firstKey();
      cursorOffset = 0;
    }
    nextSequence = segments.isEmpty() ? cursorSequence : segments.lastKey() + 1;
    if (!segments.isEmpty()) {
      SpoolFiles.cutTornLine(segments.lastEntry().getValue().path);
    }
    for (Segment segment : segments.values()) {
      segment.bytes = Files.size(segment.path);
      segment.lines = SpoolFiles.countLines(segment.path, segment.bytes);
      diskBytes += segment.bytes;
      diskLines += segment.lines;
    }
    if (!segments.isEmpty()) {
      Segment first = segments.firstEntry().getValue();
      cursorOffset = Math.min(cursorOffset, first.bytes);
      linesBeforeCursor = SpoolFiles.countLines(first.path, cursorOffset);
    }
    removeConsumedSegments();
    publish();
    if (pendingLines > 0) {
      LOG.info("Spool {} holds {} lines ({} bytes) from an earlier run; they will be replayed", dir, pendingLines, pendingBytes);
    }
  }

  private void writeCursor() throws IOException {
    SpoolFiles.writeCursor(dir, new SpoolFiles.Position(cursorSequence, cursorOffset));
  }

  /** Deletes fully read segments; the cursor moves first, so a crash in between only leaves a stale file. */
  private void removeConsumedSegments() throws IOException {
    while (!segments.isEmpty()) {
      Segment first = segments.firstEntry().getValue();
      if (cursorOffset < first.bytes) {
        return;
      }
      boolean last = segments.size() == 1;
      cursorSequence = last ? nextSequence : segments.higherKey(first.sequence);
      cursorOffset = 0;
      linesBeforeCursor = 0;
      writeCursor();
      removeSegment(first);
    }
  }

  private long dropOldestSegment() throws IOException {
    Segment oldest = segments.firstEntry().getValue();
    long unread = oldest.lines - linesBeforeCursor;
    cursorSequence = segments.size() == 1 ? nextSequence : segments.higherKey(oldest.sequence);
    cursorOffset = 0;
    linesBeforeCursor = 0;
    writeCursor();
    removeSegment(oldest);
    return unread;
  }

  private void removeSegment(Segment segment) throws IOException {
    if (segments.lastKey() == segment.sequence && active != null) {
      active.close();
      active = null;
    }
    segments.remove(segment.sequence);
    diskBytes -= segment.bytes;
    diskLines -= segment.lines;
    Files.deleteIfExists(segment.path);
  }

  private Segment activeSegment() throws IOException {
    Segment last = segments.isEmpty() ? null : segments.lastEntry().getValue();
    if (last == null || last.bytes >= segmentTargetBytes) {
      if (active != null) {
        active.close();
        active = null;
      }
      long sequence = nextSequence++;
      last = new Segment(sequence, dir.resolve(String.format(Locale.ROOT, "segment-%020d.lp", sequence)));
      segments.put(sequence, last);
      if (segments.size() == 1) {
        cursorSequence = sequence;
        cursorOffset = 0;
        linesBeforeCursor = 0;
      }
    }
    if (active == null) {
      active = FileChannel.open(last.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    return last;
  }

  private void publish() {
    pendingBytes = segments.isEmpty() ? 0 : diskBytes - cursorOffset;
    pendingLines = segments.isEmpty() ? 0 : diskLines - linesBeforeCursor;
  }

  /**
   * Lines read from one segment, with the byte offset after each, so that a prefix of them can be
   * acknowledged.
   */
  public static final class Chunk {

    private final long segment;
    private final long start;
    private final List<String> lines;
    private final long[] ends;

    private Chunk(long segment, long start, List<String> lines, long[] ends) {
      this.segment = segment;
      this.start = start;
      this.lines = List.copyOf(lines);
      this.ends = ends;
    }

    public List<String> lines() {
      return lines;
    }
  }

  private static final class Segment {

    final long sequence;
    final Path path;
    long bytes;
    long lines;

    Segment(long sequence, Path path) {
      this.sequence = sequence;
      this.path = path;
    }
  }
}
