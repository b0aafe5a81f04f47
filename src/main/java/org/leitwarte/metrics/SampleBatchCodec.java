package org.leitwarte.metrics;

import io.vertx.core.Vertx;
import org.leitwarte.collect.SampleBatch;

/** Registers {@link SampleBatch.LocalCodec} as the default codec for sample batches, once per Vertx. */
public final class SampleBatchCodec {

  private SampleBatchCodec() {}

  /**
   * Makes {@link SampleBatch} sendable on the event bus of {@code vertx}. Safe to call any number of times
   * and from every verticle that sends or consumes batches.
   */
  public static void registerOnce(Vertx vertx) {
    synchronized (SampleBatchCodec.class) {
      try {
        vertx.eventBus().registerDefaultCodec(SampleBatch.class, new SampleBatch.LocalCodec());
      } catch (IllegalStateException alreadyRegistered) {
        // Registered before, by this method or directly: that is all we need.
      }
    }
  }
}
