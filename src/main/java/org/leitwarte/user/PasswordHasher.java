package org.leitwarte.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string form {@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, with OWASP's parameters: 19 MiB, two passes, one lane,
 * 16-byte salt, 32-byte hash. Hashing takes tens of milliseconds on purpose: never call it on an event loop.
 */
public final class PasswordHasher {

  /** Shorter passwords are refused when a user is added. */
  public static final int MIN_LENGTH = 12;
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Compared against when a user does not exist, so that an unknown name takes as long as a known one. */
  private static final String DECOY = new PasswordHasher().hash("decoy password that matches nothing");

  /** @throws IllegalArgumentException when the password is shorter than {@value #MIN_LENGTH} characters */
  public static void checkStrength(String password) {
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new IllegalArgumentException("password: must have at least " + MIN_LENGTH + " characters");
    }
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2id(password.getBytes(StandardCharsets.UTF_8), salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code stored} (a PHC string); false for a string that is not one. */
  public boolean matches(String password, String stored) {
    Matcher phc = PHC.matcher(stored);
    if (!phc.matches()) {
      return false;
    }
    byte[] expected = B64_DECODER.decode(phc.group(5));
    byte[] actual = argon2id(password.getBytes(StandardCharsets.UTF_8), B64_DECODER.decode(phc.group(4)),
        Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), expected.length);
    // Constant time: how much of a guess was right must not show in how long the answer takes.
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the time of one comparison, for a name that has no user. */
  public void matchNothing(String password) {
    matches(password, DECOY);
  }

  static byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    return argon2id(password, salt, memoryKib, iterations, parallelism, length, null, null);
  }

  /** With the optional secret and associated data of RFC 9106, for its test vector. */
  static byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length,
      byte[] secret, byte[] associatedData) {
    Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt);
    if (secret != null) {
      parameters.withSecret(secret);
    }
    if (associatedData != null) {
      parameters.withAdditional(associatedData);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters.build());
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
