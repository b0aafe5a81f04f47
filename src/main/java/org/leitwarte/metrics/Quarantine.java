package org.leitwarte.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * Lines InfluxDB refused as malformed, kept in a line-protocol file instead of being retried for ever.
 * Each refused line is preceded by a comment with the time and InfluxDB's reason, so that the file can be
 * read by a person and, once fixed, fed to InfluxDB again (comments are ignored there).
 */
public final class Quarantine {

  /** A refused line and what InfluxDB said about it. */
  public record Entry(String line, String reason) {}

  private final Path file;
  private final Clock clock;

  public Quarantine(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  /** Appends the entries and forces them to disk. */
  public void append(List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    String now = clock.instant().toString();
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries) {
      text.append("# ").append(now).append(" rejected: ").append(oneLine(entry.reason())).append('\n');
      text.append(entry.line()).append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    }
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
