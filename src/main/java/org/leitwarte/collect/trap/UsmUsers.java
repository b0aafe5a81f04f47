package org.leitwarte.collect.trap;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig.Traps.TrapUser;
import org.leitwarte.config.Secret;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/** The {@code traps.users} of the configuration as SNMP4J USM users. */
final class UsmUsers {

  private static final Map<String, OID> AUTH = Map.of(
      "MD5", AuthMD5.ID, "SHA", AuthSHA.ID, "SHA-224", AuthHMAC128SHA224.ID, "SHA-256", AuthHMAC192SHA256.ID,
      "SHA-384", AuthHMAC256SHA384.ID, "SHA-512", AuthHMAC384SHA512.ID);
  private static final Map<String, OID> PRIV = Map.of(
      "DES", PrivDES.ID, "AES", PrivAES128.ID, "AES-192", PrivAES192.ID, "AES-256", PrivAES256.ID);

  private UsmUsers() {}

  /**
   * Adds the user to {@code usm}: limited to its engine ID when it has one, else for any sending
   * engine (SNMP4J localises the keys for each engine it hears from).
   */
  static void add(USM usm, TrapUser user) {
    OctetString name = new OctetString(user.user());
    UsmUser usmUser = new UsmUser(name, AUTH.get(user.auth()), password(user.authPassword()), PRIV.get(user.priv()),
        password(user.privPassword()));
    if (user.engineId().isPresent()) {
      usm.addUser(name, new OctetString(HexFormat.of().parseHex(user.engineId().get())), usmUser);
    } else {
      usm.addUser(name, usmUser);
    }
  }

  /**
   * Keeps the USM's user table bounded. SNMP4J adds an entry, with keys localised for the sending engine,
   * the first time a message names a configured user from a new engine — before the message is
   * authenticated — so forged engine IDs would grow the table without end. Beyond {@code maxEntries} the
   * table starts again from the configured users; genuine senders get their keys localised anew.
   *
   * @return whether the table was reset
   */
  static boolean bound(USM usm, List<TrapUser> users, int maxEntries) {
    if (usm.getUserTable().getUserEntries().size() <= maxEntries) {
      return false;
    }
    usm.removeAllUsers();
    users.forEach(user -> add(usm, user));
    return true;
  }

  /** The least security level a message from {@code user} must have: what the configuration gives it. */
  static int securityLevel(TrapUser user) {
    if (user.auth().equals("none")) {
      return SecurityLevel.NOAUTH_NOPRIV;
    }
    return user.priv().equals("none") ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
  }

  private static OctetString password(Optional<Secret> secret) {
    return secret.map(s -> new OctetString(s.reveal())).orElse(null);
  }
}
