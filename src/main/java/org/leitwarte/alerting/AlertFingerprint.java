package org.leitwarte.alerting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of an alert: 64-bit FNV-1a over the rule name and the labels sorted by name, as 16
 * lower-case hex digits. Depends on nothing but those strings, so it is the same in every JVM, after
 * every restart and on every node of a cluster.
 */
public final class AlertFingerprint {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  // Separators that cannot occur in UTF-8 text, so ("ab","c") and ("a","bc") differ.
  private static final int NAME_END = 0xfe;
  private static final int VALUE_END = 0xff;

  private AlertFingerprint() {}

  public static String of(String rule, Map<String, String> labels) {
    Map<String, String> sorted = labels instanceof java.util.SortedMap<String, String> s && s.comparator() == null
        ? labels
        : new TreeMap<>(labels);
    long hash = OFFSET_BASIS;
    hash = add(hash, rule);
    hash = add(hash, VALUE_END);
    for (Map.Entry<String, String> label : sorted.entrySet()) {
      hash = add(hash, label.getKey());
      hash = add(hash, NAME_END);
      hash = add(hash, label.getValue());
      hash = add(hash, VALUE_END);
    }
    String hex = Long.toHexString(hash);
    return "0".repeat(16 - hex.length()) + hex;
  }

  private static long add(long hash, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = add(hash, b & 0xff);
    }
    return hash;
  }

  private static long add(long hash, int octet) {
    return (hash ^ octet) * PRIME;
  }
}
