package org.leitwarte.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file work behind {@link Spool}: line-feed separated UTF-8 segments and the cursor file. */
final class SpoolFiles {

  private static final Logger LOG = LoggerFactory.getLogger(SpoolFiles.class);
  private static final String CURSOR = "cursor";
  private static final int READ_BUFFER = 64 * 1024;

  /** A read position: segment number and byte offset in it. */
  record Position(long segment, long offset) {}

  /** Lines read from a segment, with the byte offset after each. */
  record Lines(List<String> lines, long[] ends) {}

  private SpoolFiles() {}

  static Optional<Position> readCursor(Path dir) throws IOException {
    Path file = dir.resolve(CURSOR);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    String[] parts = text.split(" ");
    try {
      return Optional.of(new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      LOG.warn("Spool cursor {} is unreadable ('{}'); replaying the spool from its oldest line", file, text);
      return Optional.empty();
    }
  }

  /** Replaces the cursor file atomically and durably (file and directory entry forced to disk). */
  static void writeCursor(Path dir, Position position) throws IOException {
    Path temporary = dir.resolve(CURSOR + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      String text = position.segment() + " " + position.offset() + "\n";
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    }
    Files.move(temporary, dir.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  /** Reads up to {@code maxLines} whole lines from {@code from}, not past {@code limit}. */
  static Lines readLines(Path file, long from, long limit, int maxLines) throws IOException {
    List<String> lines = new ArrayList<>(Math.min(maxLines, 1024));
    long[] ends = new long[maxLines];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
      LineAssembler line = new LineAssembler();
      long position = from;
      while (lines.size() < maxLines && position < limit) {
        buffer.clear();
        buffer.limit((int) Math.min(READ_BUFFER, limit - position));
        int read = channel.read(buffer, position);
        if (read <= 0) {
          break;
        }
        buffer.flip();
        int consumed = 0;
        while (buffer.hasRemaining() && lines.size() < maxLines) {
          byte b = buffer.get();
          consumed++;
          if (b == '\n') {
            ends[lines.size()] = position + consumed;
            lines.add(line.take());
          } else {
            line.add(b);
          }
        }
        position += consumed;
      }
    }
    return new Lines(lines, ends);
  }

  static long countLines(Path file, long limit) throws IOException {
    return scan(file, limit)[0];
  }

  /** Cuts off a line left incomplete by a crash during an append: it was never acknowledged to anyone. */
  static void cutTornLine(Path file) throws IOException {
    long size = Files.size(file);
    long end = scan(file, size)[1];
    if (end < size) {
      LOG.warn("Spool segment {} ends in a torn line ({} bytes, from a crash during a write); cutting it off",
          file, size - end);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(end);
        channel.force(true);
      }
    }
  }

  /** The lines followed by line feeds, as UTF-8. */
  static byte[] encode(List<String> lines) {
    int estimate = 0;
    for (String line : lines) {
      estimate += line.length() + 1;
    }
    StringBuilder text = new StringBuilder(estimate);
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The newest lines that together fit in {@code maxBytes}. */
  static List<String> newestFitting(List<String> lines, long maxBytes) {
    long size = 0;
    int first = lines.size();
    while (first > 0) {
      long lineBytes = lines.get(first - 1).getBytes(StandardCharsets.UTF_8).length + 1L;
      if (size + lineBytes > maxBytes) {
        break;
      }
      size += lineBytes;
      first--;
    }
    return lines.subList(first, lines.size());
  }

  /** The number of line feeds in the first {@code limit} bytes, and the offset after the last one. */
  private static long[] scan(Path file, long limit) throws IOException {
    long lines = 0;
    long afterLastLineFeed = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
      long position = 0;
      while (position < limit) {
        buffer.clear();
        buffer.limit((int) Math.min(READ_BUFFER, limit - position));
        int read = channel.read(buffer, position);
        if (read <= 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          if (buffer.get(i) == '\n') {
            lines++;
            afterLastLineFeed = position + i + 1;
          }
        }
        position += read;
      }
    }
    return new long[] {lines, afterLastLineFeed};
  }

  /** Collects the bytes of one line and decodes them as UTF-8. */
  private static final class LineAssembler {

    private byte[] bytes = new byte[256];
    private int length;

    void add(byte b) {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, length * 2);
      }
      bytes[length++] = b;
    }

    String take() {
      String line = new String(bytes, 0, length, StandardCharsets.UTF_8);
      length = 0;
      return line;
    }
  }
}
