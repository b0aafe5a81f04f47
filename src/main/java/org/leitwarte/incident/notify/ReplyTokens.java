package org.leitwarte.incident.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed message ids, so that a reply proves it answers a mail Leitwarte really sent to that person
 * about that incident (a From header proves nothing): {@code <LW-42.<nonce>.<sig>@domain>}, where sig
 * is base64url (no padding) of HMAC-SHA256(key, "LW-42|" + person id + "|" + nonce) cut to 16 bytes.
 * The person id is only inside the HMAC, so the id does not tell a reader who was paged.
 */
final class ReplyTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int NONCE_BYTES = 9;
  private static final int SIGNATURE_BYTES = 16;
  /** 9 bytes are 12 base64url characters, 16 bytes are 22 without padding. */
  private static final Pattern SIGNED_ID =
      Pattern.compile("<(LW-\\d{1,18})\\.([A-Za-z0-9_-]{12})\\.([A-Za-z0-9_-]{22})@[^<>\\s]+>");

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final SecureRandom random = new SecureRandom();

  ReplyTokens(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the reply key must have at least 32 bytes");
    }
    this.key = key.clone();
  }

  /** A fresh random key, for a dispatcher built without one (replies then count only until a restart). */
  static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** A new message id for a mail about {@code reference} ({@code LW-42}) to the person {@code personId}. */
  String messageId(String reference, String personId, String domain) {
    byte[] nonceBytes = new byte[NONCE_BYTES];
    random.nextBytes(nonceBytes);
    String nonce = ENCODER.encodeToString(nonceBytes);
    return "<" + reference + "." + nonce + "." + signature(reference, personId, nonce) + "@" + domain + ">";
  }

  /**
   * The incident of the first of {@code headers} (In-Reply-To, References) that holds one of our ids
   * signed for {@code personId}; empty when none does.
   */
  Optional<Long> answeredIncident(Collection<String> headers, String personId) {
    for (String header : headers) {
      Matcher matcher = SIGNED_ID.matcher(header);
      while (matcher.find()) {
        String reference = matcher.group(1);
        byte[] expected = signature(reference, personId, matcher.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
          return Optional.of(Long.parseLong(reference.substring("LW-".length())));
        }
      }
    }
    return Optional.empty();
  }

  private String signature(String reference, String personId, String nonce) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] full = mac.doFinal((reference + "|" + personId + "|" + nonce).getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(Arrays.copyOf(full, SIGNATURE_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
