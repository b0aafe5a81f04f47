package org.leitwarte.incident.link;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.leitwarte.incident.AcknowledgeLinks;

/**
 * One-click acknowledge links: {@code <base>/ack/<token>}, where the token names the incident, the
 * person, an expiry and a random nonce, signed with HMAC-SHA256. Nothing is kept per link until it
 * is used; a used nonce is remembered (see {@link UsedLinks}) so that a link works once.
 */
public final class SignedLinks implements AcknowledgeLinks {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int NONCE_BYTES = 12;
  private static final int SIGNATURE_BYTES = 32;

  /** What a token says, once its signature is checked. */
  public sealed interface Verification {

    /** Signed by us and not expired. */
    record Valid(long incidentId, String personId, String nonce, Instant expiresAt) implements Verification {}

    /** Signed by us, but too old. */
    record Expired(long incidentId, Instant expiredAt) implements Verification {}

    /** Not a token of ours: broken, altered or signed with another key. */
    record Forged() implements Verification {}
  }

  private final Supplier<URI> base;
  private final byte[] key;
  private final Duration validity;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param base where Leitwarte is reached from outside, e.g. {@code https://leitwarte.example.org}
   * @param key at least 32 bytes
   */
  public SignedLinks(URI base, byte[] key, Duration validity, Clock clock) {
    this(() -> base, key, validity, clock);
  }

  /**
   * @param base asked for each link: the service's own address is known only once its HTTP server listens
   */
  public SignedLinks(Supplier<URI> base, byte[] key, Duration validity, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the link key must have at least 32 bytes");
    }
    this.base = base;
    this.key = key.clone();
    this.validity = validity;
    this.clock = clock;
  }

  /** A fresh random key for {@link #SignedLinks}, e.g. to keep in the store on first start. */
  public static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Override
  public URI linkFor(long incidentId, String personId) {
    String text = base.get().toString();
    String root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    return URI.create(root + "/ack/" + token(incidentId, personId));
  }

  /** The token part of a link. */
  public String token(long incidentId, String personId) {
    byte[] person = personId.getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    long expires = clock.instant().plus(validity).getEpochSecond();
    ByteBuffer payload = ByteBuffer.allocate(8 + 8 + NONCE_BYTES + person.length)
        .putLong(incidentId).putLong(expires).put(nonce).put(person);
    byte[] body = payload.array();
    return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
  }

  /** Checks a token: signature first (in constant time), then the expiry. */
  public Verification verify(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return new Verification.Forged();
    }
    byte[] body;
    byte[] signature;
    try {
      body = DECODER.decode(token.substring(0, dot));
      signature = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return new Verification.Forged();
    }
    if (signature.length != SIGNATURE_BYTES || body.length <= 8 + 8 + NONCE_BYTES
        || !MessageDigest.isEqual(signature, sign(body))) {
      return new Verification.Forged();
    }
    ByteBuffer payload = ByteBuffer.wrap(body);
    long incidentId = payload.getLong();
    Instant expires = Instant.ofEpochSecond(payload.getLong());
    byte[] nonce = new byte[NONCE_BYTES];
    payload.get(nonce);
    byte[] person = new byte[payload.remaining()];
    payload.get(person);
    if (!clock.instant().isBefore(expires)) {
      return new Verification.Expired(incidentId, expires);
    }
    return new Verification.Valid(incidentId, new String(person, StandardCharsets.UTF_8), ENCODER.encodeToString(nonce), expires);
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }
}
