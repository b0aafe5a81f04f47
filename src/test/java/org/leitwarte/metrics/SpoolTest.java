package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  private static final long ONE_MIB = 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void lines_come_back_oldest_first_in_chunks_of_at_most_the_asked_size() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      spool.append(lines(0, 3));
      spool.append(lines(3, 5));

      List<String> replayed = drain(spool, 2);

      assertThat(replayed).containsExactlyElementsOf(lines(0, 5));
      assertThat(spool.isEmpty()).isTrue();
    }
  }

  @Test
  void counts_lines_and_bytes_waiting_and_recounts_them_on_open() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      spool.append(List.of("a v=1i 1", "ü v=2i 2"));
      assertThat(spool.pendingLines()).isEqualTo(2);
      assertThat(spool.pendingBytes()).isEqualTo("a v=1i 1\nü v=2i 2\n".getBytes(StandardCharsets.UTF_8).length);
      Spool.Chunk chunk = spool.next(1).orElseThrow();
      spool.acknowledge(chunk, 1);
      assertThat(spool.pendingLines()).isEqualTo(1);
    }
    try (Spool reopened = Spool.open(dir, ONE_MIB)) {
      assertThat(reopened.pendingLines()).isEqualTo(1);
      assertThat(reopened.pendingBytes()).isEqualTo("ü v=2i 2\n".getBytes(StandardCharsets.UTF_8).length);
      assertThat(reopened.next(10).orElseThrow().lines()).containsExactly("ü v=2i 2");
    }
  }

  @Test
  void a_chunk_not_acknowledged_before_a_crash_is_read_again() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      spool.append(lines(0, 10));
      spool.acknowledge(spool.next(4).orElseThrow(), 4);
      spool.next(4).orElseThrow();
    }
    try (Spool reopened = Spool.open(dir, ONE_MIB)) {
      assertThat(drain(reopened, 4)).containsExactlyElementsOf(lines(4, 10));
    }
  }

  @Test
  void acknowledging_part_of_a_chunk_resumes_after_that_part() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      spool.append(lines(0, 5));
      Spool.Chunk chunk = spool.next(5).orElseThrow();

      spool.acknowledge(chunk, 2);

      assertThat(spool.pendingLines()).isEqualTo(3);
      assertThat(spool.next(5).orElseThrow().lines()).containsExactlyElementsOf(lines(2, 5));
    }
  }

  @Test
  void a_drained_spool_leaves_no_segment_files_and_takes_new_lines() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      spool.append(lines(0, 3));
      drain(spool, 10);
      assertThat(segmentFiles()).isEmpty();

      spool.append(lines(3, 4));

      assertThat(drain(spool, 10)).containsExactlyElementsOf(lines(3, 4));
    }
    try (Spool reopened = Spool.open(dir, ONE_MIB)) {
      assertThat(reopened.isEmpty()).isTrue();
      assertThat(reopened.next(10)).isEmpty();
    }
  }

  @Test
  void when_full_the_oldest_lines_are_dropped_counted_and_the_newest_kept() throws IOException {
    long maxBytes = 4_000;
    List<String> appended = new ArrayList<>();
    long dropped = 0;
    try (Spool spool = Spool.open(dir, maxBytes)) {
      for (int batch = 0; batch < 50; batch++) {
        List<String> lines = lines(batch * 10, batch * 10 + 10);
        appended.addAll(lines);
        dropped += spool.append(lines);
      }

      assertThat(dropped).isPositive().isEqualTo(spool.droppedLines());
      assertThat(spool.pendingBytes()).isLessThanOrEqualTo(maxBytes);
      assertThat(diskBytes()).isLessThanOrEqualTo(maxBytes);
      List<String> kept = drain(spool, 7);
      assertThat(kept).hasSize(appended.size() - (int) dropped);
      assertThat(kept).containsExactlyElementsOf(appended.subList((int) dropped, appended.size()));
    }
  }

  @Test
  void lines_dropped_while_partly_replayed_count_only_the_unread_ones() throws IOException {
    try (Spool spool = Spool.open(dir, 2_000)) {
      spool.append(lines(0, 20));
      spool.acknowledge(spool.next(5).orElseThrow(), 5);

      long dropped = 0;
      for (int batch = 1; batch < 20; batch++) {
        dropped += spool.append(lines(batch * 20, batch * 20 + 20));
      }

      List<String> kept = drain(spool, 100);
      assertThat(dropped + kept.size()).isEqualTo(20 * 20 - 5);
    }
  }

  @Test
  void a_batch_larger_than_the_bound_keeps_its_newest_lines() throws IOException {
    try (Spool spool = Spool.open(dir, 200)) {
      long dropped = spool.append(lines(0, 100));

      List<String> kept = drain(spool, 100);
      assertThat(kept).isNotEmpty().containsExactlyElementsOf(lines(100 - kept.size(), 100));
      assertThat(dropped).isEqualTo(100 - kept.size());
    }
  }

  @Test
  void a_line_torn_by_a_crash_during_an_append_is_cut_off() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      spool.append(lines(0, 3));
    }
    Path segment = segmentFiles().get(0);
    Files.writeString(segment, "torn v=1", StandardOpenOption.APPEND);

    try (Spool reopened = Spool.open(dir, ONE_MIB)) {
      assertThat(reopened.pendingLines()).isEqualTo(3);
      reopened.append(lines(3, 4));
      assertThat(drain(reopened, 10)).containsExactlyElementsOf(lines(0, 4));
    }
  }

  @Test
  void a_second_spool_on_the_same_directory_is_refused() throws IOException {
    try (Spool spool = Spool.open(dir, ONE_MIB)) {
      assertThatThrownBy(() -> Spool.open(dir, ONE_MIB))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use");
    }
    Spool.open(dir, ONE_MIB).close();
  }

  private static List<String> drain(Spool spool, int chunkSize) throws IOException {
    List<String> all = new ArrayList<>();
    for (var chunk = spool.next(chunkSize); chunk.isPresent(); chunk = spool.next(chunkSize)) {
      assertThat(chunk.get().lines()).hasSizeLessThanOrEqualTo(chunkSize);
      all.addAll(chunk.get().lines());
      spool.acknowledge(chunk.get(), chunk.get().lines().size());
    }
    return all;
  }

  private static List<String> lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "cpu,host=h" + (i % 3) + " seq=" + i + "i " + (1_700_000_000_000L + i)).toList();
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.getFileName().toString().startsWith("segment-")).sorted().toList();
    }
  }

  private long diskBytes() throws IOException {
    long total = 0;
    for (Path segment : segmentFiles()) {
      total += Files.size(segment);
    }
    return total;
  }
}
