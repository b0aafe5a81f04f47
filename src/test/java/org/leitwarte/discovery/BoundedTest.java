package org.leitwarte.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedTest {

  @Test
  void no_more_than_the_limit_run_at_once_and_the_results_keep_the_order_of_the_items() {
    List<Promise<String>> started = new ArrayList<>();
    List<Integer> items = IntStream.range(0, 10).boxed().toList();

    Future<List<String>> all = Bounded.map(items, 3, item -> {
      Promise<String> promise = Promise.promise();
      started.add(promise);
      return promise.future();
    });

    assertThat(started).hasSize(3);
    // Finishing in reverse order starts one more each time, never more than three open.
    for (int round = 0; round < 10; round++) {
      List<Promise<String>> open = started.stream().filter(p -> !p.future().isComplete()).toList();
      assertThat(open.size()).isLessThanOrEqualTo(3);
      Promise<String> last = open.get(open.size() - 1);
      last.complete("item " + started.indexOf(last));
    }

    assertThat(all.succeeded()).isTrue();
    assertThat(all.result()).containsExactly(IntStream.range(0, 10).mapToObj(i -> "item " + i).toArray(String[]::new));
  }

  @Test
  void nothing_to_do_is_done_at_once() {
    assertThat(Bounded.map(List.of(), 3, item -> Future.succeededFuture("x")).result()).isEmpty();
  }
}
