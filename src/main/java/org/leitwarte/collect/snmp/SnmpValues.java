package org.leitwarte.collect.snmp;

import java.nio.charset.StandardCharsets;
import org.snmp4j.asn1.BER;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Reads SNMP values without boxing or reflection. A value that came back as noSuchObject,
 * noSuchInstance or endOfMibView, or with a type that does not fit, reads as missing and is skipped
 * by the caller; the other values of the same response are kept.
 */
final class SnmpValues {

  /** A missing number; Counter64 values this large do not occur in practice. */
  static final long MISSING = Long.MIN_VALUE;

  private SnmpValues() {}

  static Variable variable(VariableBinding[] columns, int column) {
    if (columns == null || column >= columns.length) {
      return null;
    }
    VariableBinding binding = columns[column];
    if (binding == null) {
      return null;
    }
    Variable variable = binding.getVariable();
    return variable == null || variable.isException() ? null : variable;
  }

  /** INTEGER, Counter32, Gauge32, TimeTicks or Counter64 as a long; {@link #MISSING} otherwise. */
  static long number(Variable variable) {
    if (variable == null) {
      return MISSING;
    }
    switch (variable.getSyntax()) {
      case BER.INTEGER:
        return ((Integer32) variable).getValue();
      case BER.COUNTER32:
      case BER.GAUGE32:
      case BER.TIMETICKS:
        return ((UnsignedInteger32) variable).getValue();
      case BER.COUNTER64:
        return ((Counter64) variable).getValue();
      default:
        return MISSING;
    }
  }

  static long number(VariableBinding[] columns, int column) {
    return number(variable(columns, column));
  }

  /** Whether the value is a Counter64 (as opposed to a 32-bit counter). */
  static boolean isCounter64(VariableBinding[] columns, int column) {
    Variable variable = variable(columns, column);
    return variable != null && variable.getSyntax() == BER.COUNTER64;
  }

  /** An OCTET STRING as text (UTF-8, trailing NULs dropped) or an OID in dotted form; else null. */
  static String text(Variable variable) {
    if (variable == null) {
      return null;
    }
    if (variable.getSyntax() == BER.OCTETSTRING) {
      byte[] bytes = ((OctetString) variable).getValue();
      int length = bytes.length;
      while (length > 0 && bytes[length - 1] == 0) {
        length--;
      }
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
    if (variable.getSyntax() == BER.OID) {
      return ((OID) variable).toDottedString();
    }
    return null;
  }

  static String text(VariableBinding[] columns, int column) {
    return text(variable(columns, column));
  }

  static OID oid(VariableBinding[] columns, int column) {
    Variable variable = variable(columns, column);
    return variable != null && variable.getSyntax() == BER.OID ? (OID) variable : null;
  }

  /** A decimal number sent as text (UCD laLoad: "0.15"); NaN when missing or not a number. */
  static double decimal(VariableBinding[] columns, int column) {
    String text = text(columns, column);
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
