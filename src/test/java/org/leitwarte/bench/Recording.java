package org.leitwarte.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * An snmpsim {@code .snmprec} recording ({@code OID|type|value}, optionally gzipped) held as a
 * sorted array for binary search. Counters move: {@code value(i, seconds)} adds {@code rate ×
 * seconds} to the recorded value (octet counters at {@code octetsPerSecond}, other counters at
 * {@code othersPerSecond}, 32-bit ones wrapping), and sysUpTime advances 100 ticks a second.
 * snmpsim variation suffixes ({@code 70:numeric|rate=…,initial=…}) are read as plain values of the
 * type, using {@code initial}.
 */
public final class Recording {

  private static final String SYS_UP_TIME = "1.3.6.1.2.1.1.3.0";
  private static final String[] OCTET_COLUMNS = {
    "1.3.6.1.2.1.2.2.1.10.", "1.3.6.1.2.1.2.2.1.16.", "1.3.6.1.2.1.31.1.1.1.6.", "1.3.6.1.2.1.31.1.1.1.10."
  };
  private static final byte STATIC = 0;
  private static final byte COUNTER32 = 1;
  private static final byte COUNTER64 = 2;
  private static final byte TIME_TICKS = 3;

  private final OID[] oids;
  /** Static values are shared; moving ones are updated in place (the agent has one thread). */
  private final VariableBinding[] bindings;
  private final byte[] kinds;
  private final long[] bases;
  private final long[] rates;

  private Recording(List<Entry> entries) {
    int size = entries.size();
    oids = new OID[size];
    bindings = new VariableBinding[size];
    kinds = new byte[size];
    bases = new long[size];
    rates = new long[size];
    for (int i = 0; i < size; i++) {
      Entry entry = entries.get(i);
      oids[i] = entry.oid;
      bindings[i] = new VariableBinding(new EncodedOid(entry.oid), entry.value);
      kinds[i] = entry.kind;
      bases[i] = entry.base;
      rates[i] = entry.rate;
    }
  }

  /** Reads a recording; {@code .gz} files are decompressed on the fly. */
  public static Recording load(Path file, long octetsPerSecond, long othersPerSecond) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Entry> entries = new ArrayList<>();
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        try {
          entries.add(parse(line, octetsPerSecond, othersPerSecond));
        } catch (RuntimeException e) {
          throw new IOException(file + ":" + lineNumber + ": " + e.getMessage(), e);
        }
      }
      entries.sort((a, b) -> a.oid.compareTo(b.oid));
      List<Entry> unique = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        if (unique.isEmpty() || !unique.get(unique.size() - 1).oid.equals(entry.oid)) {
          unique.add(entry);
        }
      }
      return new Recording(unique);
    }
  }

  public int size() {
    return oids.length;
  }

  /** Index of {@code oid}, or -1. */
  int indexOf(OID oid) {
    int at = Arrays.binarySearch(oids, oid);
    return at >= 0 ? at : -1;
  }

  /** Index of the first OID after {@code oid}; {@link #size()} at the end of the MIB. */
  int indexAfter(OID oid) {
    int at = Arrays.binarySearch(oids, oid);
    return at >= 0 ? at + 1 : -at - 1;
  }

  /**
   * The binding at {@code index} as it reads {@code seconds} after the agent started. Moving values
   * are updated in place: use the binding before asking for the same index again (one thread).
   */
  VariableBinding binding(int index, double seconds) {
    VariableBinding binding = bindings[index];
    byte kind = kinds[index];
    if (kind == STATIC) {
      return binding;
    }
    long grown = bases[index] + (long) (rates[index] * seconds);
    Variable value = binding.getVariable();
    switch (kind) {
      case COUNTER32 -> ((Counter32) value).setValue(grown & 0xffffffffL);
      case COUNTER64 -> ((Counter64) value).setValue(grown);
      default -> ((TimeTicks) value).setValue(grown & 0xffffffffL);
    }
    return binding;
  }

  private static Entry parse(String line, long octetsPerSecond, long othersPerSecond) {
    String[] parts = line.split("\\|", 3);
    if (parts.length < 3) {
      throw new IllegalArgumentException("expected OID|type|value");
    }
    OID oid = new OID(parts[0]);
    String type = parts[1];
    String value = parts[2];
    int variation = type.indexOf(':');
    if (variation >= 0) {
      type = type.substring(0, variation);
      value = initialOf(value);
    }
    boolean hex = type.endsWith("x");
    int tag = Integer.parseInt(hex ? type.substring(0, type.length() - 1) : type);
    Variable variable = variable(tag, value, hex);
    byte kind = STATIC;
    long base = 0;
    long rate = 0;
    if (tag == 65 || tag == 70) {
      kind = tag == 65 ? COUNTER32 : COUNTER64;
      base = variable.toLong();
      rate = isOctetCounter(parts[0]) ? octetsPerSecond : othersPerSecond;
    } else if (tag == 67 && parts[0].equals(SYS_UP_TIME)) {
      kind = TIME_TICKS;
      base = variable.toLong();
      rate = 100;
    }
    return new Entry(oid, variable, kind, base, rate);
  }

  private static String initialOf(String parameters) {
    for (String parameter : parameters.split(",")) {
      if (parameter.startsWith("initial=")) {
        return parameter.substring("initial=".length());
      }
    }
    return "0";
  }

  private static boolean isOctetCounter(String oid) {
    for (String column : OCTET_COLUMNS) {
      if (oid.startsWith(column)) {
        return true;
      }
    }
    return false;
  }

  private static Variable variable(int tag, String value, boolean hex) {
    byte[] bytes = hex ? HexFormat.of().parseHex(value) : value.getBytes(StandardCharsets.UTF_8);
    return switch (tag) {
      case 2 -> new Integer32(Integer.parseInt(value));
      case 4 -> new OctetString(bytes);
      case 5 -> new Null();
      case 6 -> value.isEmpty() ? new OID("0.0") : new OID(value);
      case 64 -> hex ? new IpAddress(bytes) : new IpAddress(value);
      case 65 -> new Counter32(Long.parseLong(value));
      case 66 -> new Gauge32(Long.parseLong(value));
      case 67 -> new TimeTicks(Long.parseLong(value));
      case 68 -> new Opaque(bytes);
      case 70 -> new Counter64(Long.parseUnsignedLong(value));
      default -> throw new IllegalArgumentException("unsupported type " + tag);
    };
  }

  private record Entry(OID oid, Variable value, byte kind, long base, long rate) {}

  /**
   * An OID encoded once: SNMP4J recomputes an OID's BER length several times per message, which
   * made that the agent's main cost. Never modified, so clones can be itself.
   */
  private static final class EncodedOid extends OID {
    private static final long serialVersionUID = 1L;
    private final byte[] encoded;

    EncodedOid(OID oid) {
      super(oid.getValue());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(super.getBERLength());
      try {
        super.encodeBER(out);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      encoded = out.toByteArray();
    }

    @Override
    public int getBERLength() {
      return encoded.length;
    }

    @Override
    public void encodeBER(java.io.OutputStream out) throws IOException {
      out.write(encoded);
    }

    @Override
    public Object clone() {
      return this;
    }
  }
}
