package org.leitwarte.collect;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;

/** The samples of one device poll, as they travel over the event bus. */
public record SampleBatch(String deviceId, List<Sample> samples) {

  public SampleBatch {
    samples = List.copyOf(samples);
  }

  /**
   * Passes batches by reference between verticles of one JVM; registered once per Vertx with {@code
   * vertx.eventBus().registerDefaultCodec(SampleBatch.class, new SampleBatch.LocalCodec())}.
   */
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
