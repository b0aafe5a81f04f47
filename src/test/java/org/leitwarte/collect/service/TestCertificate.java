package org.leitwarte.collect.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for 127.0.0.1, made by the JDK's keytool, valid for a given number of days. */
record TestCertificate(Path keystore, String password) {

  static TestCertificate valid(Path directory, int days) throws IOException, InterruptedException {
    Path keystore = directory.resolve("server-" + days + "d.p12");
    String password = "geheim123";
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-validity", Integer.toString(days), "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool failed: " + output);
    }
    return new TestCertificate(keystore, password);
  }
}
