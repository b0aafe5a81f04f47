package org.leitwarte.incident.notify;

/**
 * A delivery attempt that did not work, with a message for the incident's timeline. Permanent
 * failures (a 4xx answer, an SMTP 5xx reply) are not retried: the same request would fail again.
 */
public final class DeliveryFailure extends RuntimeException {

  private final boolean permanent;

  private DeliveryFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause, false, false);
    this.permanent = permanent;
  }

  /** Worth another try later: a timeout, a refused connection, a 5xx answer. */
  public static DeliveryFailure transientFailure(String message) {
    return new DeliveryFailure(message, false, null);
  }

  public static DeliveryFailure transientFailure(String message, Throwable cause) {
    return new DeliveryFailure(message, false, cause);
  }

  /** Another try would fail the same way. */
  public static DeliveryFailure permanentFailure(String message) {
    return new DeliveryFailure(message, true, null);
  }

  public boolean permanent() {
    return permanent;
  }

  /** Whether a failure of any kind is permanent: only a {@link DeliveryFailure} can say so. */
  static boolean isPermanent(Throwable failure) {
    return failure instanceof DeliveryFailure delivery && delivery.permanent;
  }

  /** The message for the timeline: ours, or the exception's, or at least its type. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof DeliveryFailure) {
      return message;
    }
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }
}
