package org.leitwarte.collect.service;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.net.util.TrustManagerUtils;

/**
 * A trust manager that remembers the certificate the server showed, so a check can report the days it
 * has left: it trusts as the JVM does ({@code tls_verify: true}) or trusts everything (false). One
 * instance per connection.
 */
final class ServerCertificates implements X509TrustManager {

  private final X509TrustManager delegate;
  private volatile X509Certificate seen;

  private ServerCertificates(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  static ServerCertificates recording(boolean verify) {
    if (!verify) {
      return new ServerCertificates(TrustManagerUtils.getAcceptAllTrustManager());
    }
    try {
      return new ServerCertificates(TrustManagerUtils.getDefaultTrustManager((KeyStore) null));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM's trust store cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain != null && chain.length > 0) {
      seen = chain[0];
    }
    delegate.checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  /** The server's own certificate, once the handshake has seen it. */
  Optional<X509Certificate> seen() {
    return Optional.ofNullable(seen);
  }

  /** Days from {@code now} until the certificate expires (negative once it has), to the minute. */
  static double daysLeft(X509Certificate certificate, Instant now) {
    long minutes = Duration.between(now, certificate.getNotAfter().toInstant()).toMinutes();
    return Math.round(minutes / 1440.0 * 100) / 100.0;
  }
}
