package org.leitwarte.collect.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
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
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.util.PDUFactory;
import org.snmp4j.util.TableUtils;

/**
 * How to reach one device: its SNMP4J target, its table walker and, for SNMPv3, the engine ID
 * discovered once and the user localized to it. Built when a device is first polled or its
 * settings change; secrets are resolved here and never logged.
 */
final class DeviceTarget implements PDUFactory {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final int MAX_COLUMNS_PER_PDU = 64;
  private static final int MIN_PASSWORD_LENGTH = 8;

  private final SnmpSettings settings;
  private final String address;
  private final UdpAddress udpAddress;
  private final int version;
  private final OctetString contextName;
  private final UsmUser user;
  private final TableUtils tableUtils;
  private volatile Target<UdpAddress> target;
  private volatile byte[] engineId;

  private DeviceTarget(SnmpSettings settings, String address, SnmpSession session) {
    this.settings = settings;
    this.address = address;
    this.udpAddress = new UdpAddress(ipLiteral(address), settings.port());
    this.version = switch (settings.version()) {
      case V1 -> SnmpConstants.version1;
      case V2C -> SnmpConstants.version2c;
      case V3 -> SnmpConstants.version3;
    };
    this.contextName = new OctetString(settings.context().orElse(""));
    int maxRepetitions = settings.maxRepetitions() > 0 ? settings.maxRepetitions() : 10;
    this.tableUtils = session.tableUtils(this, maxRepetitions, MAX_COLUMNS_PER_PDU);
    if (version == SnmpConstants.version3) {
      this.user = usmUser(settings);
    } else {
      this.user = null;
      String community = settings.community()
          .map(Secret::reveal)
          .orElseThrow(() -> new IllegalStateException("SNMP " + settings.version().yamlName() + " needs a community"));
      CommunityTarget<UdpAddress> communityTarget = new CommunityTarget<>(udpAddress, new OctetString(community));
      configure(communityTarget);
      this.target = communityTarget;
    }
  }

  /**
   * @throws IllegalStateException with a message for the device status (naming a missing
   *     environment variable or setting, never a secret's value)
   */
  static DeviceTarget of(Device device, SnmpSession session) {
    SnmpSettings settings = device.snmp().orElseThrow(() -> new IllegalStateException("device has no SNMP settings"));
    return new DeviceTarget(settings, device.address(), session);
  }

  /** Whether this still describes {@code device} (same address and settings). */
  boolean matches(Device device) {
    return device.address().equals(address) && device.snmp().map(settings::equals).orElse(false);
  }

  SnmpSettings settings() {
    return settings;
  }

  UdpAddress address() {
    return udpAddress;
  }

  /** SNMPv3 without a known engine ID: discover it before the first request. */
  boolean needsEngineId() {
    return version == SnmpConstants.version3 && engineId == null;
  }

  UsmUser user() {
    return user;
  }

  /** Null for SNMPv3 until the engine ID is known. */
  Target<UdpAddress> target() {
    return target;
  }

  TableUtils tableUtils() {
    return tableUtils;
  }

  byte[] engineId() {
    return engineId;
  }

  /** Records the engine ID (its user must already be localized to it) and builds the target. */
  void engineDiscovered(byte[] discovered) {
    UserTarget<UdpAddress> userTarget = new UserTarget<>(udpAddress, user.getSecurityName(), discovered, securityLevel(settings));
    configure(userTarget);
    this.engineId = discovered;
    this.target = userTarget;
  }

  /** After an authentication or engine failure: rediscover before the next request. */
  void forgetEngine() {
    if (version == SnmpConstants.version3) {
      this.engineId = null;
      this.target = null;
    }
  }

  @Override
  public PDU createPDU(Target<?> ignored) {
    return newPdu(PDU.GETBULK);
  }

  @Override
  public PDU createPDU(MessageProcessingModel ignored) {
    return newPdu(PDU.GETBULK);
  }

  /** An empty PDU of {@code type} for this device's SNMP version and context. */
  PDU newPdu(int type) {
    PDU pdu;
    if (version == SnmpConstants.version3) {
      ScopedPDU scoped = new ScopedPDU();
      scoped.setContextName(contextName);
      pdu = scoped;
    } else if (version == SnmpConstants.version1) {
      pdu = new PDUv1();
    } else {
      pdu = new PDU();
    }
    pdu.setType(type);
    return pdu;
  }

  private void configure(Target<UdpAddress> snmpTarget) {
    snmpTarget.setVersion(version);
    snmpTarget.setTimeout(Math.max(1, settings.timeout().toMillis()));
    snmpTarget.setRetries(Math.max(0, settings.retries()));
  }

  private static UsmUser usmUser(SnmpSettings settings) {
    String name = settings.user().filter(u -> !u.isBlank())
        .orElseThrow(() -> new IllegalStateException("SNMPv3 needs a user"));
    if (settings.auth() == AuthProtocol.NONE && settings.priv() != PrivProtocol.NONE) {
      throw new IllegalStateException("SNMPv3 privacy (" + settings.priv().yamlName() + ") needs authentication too");
    }
    OctetString authPassword = password(settings.auth() != AuthProtocol.NONE, settings.authPassword(), "auth");
    OctetString privPassword = password(settings.priv() != PrivProtocol.NONE, settings.privPassword(), "priv");
    return new UsmUser(new OctetString(name), authOid(settings.auth()), authPassword, privOid(settings.priv()), privPassword);
  }

  private static OctetString password(boolean needed, Optional<Secret> secret, String kind) {
    if (!needed) {
      return null;
    }
    String value = secret.map(Secret::reveal)
        .orElseThrow(() -> new IllegalStateException("SNMPv3 " + kind + " protocol set but no " + kind + " password"));
    if (value.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("SNMPv3 " + kind + " password is shorter than " + MIN_PASSWORD_LENGTH + " characters");
    }
    return new OctetString(value);
  }

  private static int securityLevel(SnmpSettings settings) {
    if (settings.auth() == AuthProtocol.NONE) {
      return SecurityLevel.NOAUTH_NOPRIV;
    }
    return settings.priv() == PrivProtocol.NONE ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
  }

  private static OID authOid(AuthProtocol auth) {
    return switch (auth) {
      case NONE -> null;
      case MD5 -> AuthMD5.ID;
      case SHA -> AuthSHA.ID;
      case SHA_224 -> AuthHMAC128SHA224.ID;
      case SHA_256 -> AuthHMAC192SHA256.ID;
      case SHA_384 -> AuthHMAC256SHA384.ID;
      case SHA_512 -> AuthHMAC384SHA512.ID;
    };
  }

  private static OID privOid(PrivProtocol priv) {
    return switch (priv) {
      case NONE -> null;
      case DES -> PrivDES.ID;
      case AES_128 -> PrivAES128.ID;
      case AES_192 -> PrivAES192.ID;
      case AES_256 -> PrivAES256.ID;
    };
  }

  /** Only literals: a host name would mean a blocking DNS lookup on the event loop. */
  private static InetAddress ipLiteral(String address) {
    if (!IP_LITERAL.matcher(address).matches()) {
      throw new IllegalStateException("address '" + address + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address '" + address + "' is not an IP address");
    }
  }
}
