package org.leitwarte.collect;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;

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
    synchronized (SampleBatch.class) {
      try {
        vertx.eventBus().registerDefaultCodec(SampleBatch.class, new LocalCodec());
      } catch (IllegalStateException alreadyRegistered) {
        // Registered before: that is all we need.
      }
    }
  }

  /** Passes batches by reference between verticles of one JVM; see {@link #registerCodec}. */
  public static final class LocalCodec implements MessageCodec<SampleBatch, SampleBatch> {

    @Override
    public void encodeToWire(Buffer buffer, SampleBatch batch) {
      throw new UnsupportedOperationException("sample batches never leave the JVM");
    }

    @Override
    public SampleBatch decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("sample batches never leave the JVM");
    }

    @Override
    public SampleBatch transform(SampleBatch batch) {
      return batch;
    }

    @Override
    public String name() {
      return "leitwarte-sample-batch";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
