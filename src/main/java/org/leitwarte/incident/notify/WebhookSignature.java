package org.leitwarte.incident.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a webhook came from this Leitwarte and is fresh: {@value #TIMESTAMP_HEADER} is
 * the Unix time in seconds, {@value #SIGNATURE_HEADER} is {@code sha256=} and the lower-case hex of
 * HMAC-SHA256(secret, timestamp + "." + body), over the exact bytes of the body. A receiver computes
 * the same, compares in constant time, and rejects timestamps older than a few minutes (replays).
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Leitwarte-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Leitwarte-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  public static String sign(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      mac.update(body);
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** What a receiver does: the signature matches and the timestamp is within {@code tolerance} of now. */
  public static boolean verify(byte[] secret, String timestamp, byte[] body, String signature, Instant now, Duration tolerance) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(sent, now).abs().compareTo(tolerance) > 0) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
