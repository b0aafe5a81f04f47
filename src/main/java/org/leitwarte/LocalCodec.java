package org.leitwarte;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes immutable values by reference between verticles of one JVM: sample batches, alert changes.
 * Nothing Leitwarte sends this way ever leaves the JVM.
 */
public final class LocalCodec<T> implements MessageCodec<T, T> {

  private final String name;

  private LocalCodec(Class<T> type) {
    this.name = "leitwarte-local-" + type.getName();
  }

  /** Makes {@code type} sendable on the event bus of {@code vertx}; safe to call any number of times. */
  public static <T> void register(Vertx vertx, Class<T> type) {
    synchronized (LocalCodec.class) {
      try {
        vertx.eventBus().registerDefaultCodec(type, new LocalCodec<>(type));
      } catch (IllegalStateException alreadyRegistered) {
        // Registered before: that is all we need.
      }
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    throw new UnsupportedOperationException(name + " never leaves the JVM");
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException(name + " never leaves the JVM");
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
