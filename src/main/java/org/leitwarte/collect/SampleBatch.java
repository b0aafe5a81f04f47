package org.leitwarte.collect;

import io.vertx.core.Vertx;
import java.util.List;
import org.leitwarte.LocalCodec;

/** The samples of one device poll, as they travel over the event bus. */
public record SampleBatch(String deviceId, List<Sample> samples) {

  public SampleBatch {
    samples = List.copyOf(samples);
  }

  /**
   * Makes sample batches sendable on the event bus of {@code vertx}. Safe to call any number of times,
   * from every verticle that sends or consumes batches.
   */
  public static void registerCodec(Vertx vertx) {
    LocalCodec.register(vertx, SampleBatch.class);
  }
}
