package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.LeitwarteConfig;

/** What start-up says when fping is missing, is not fping, or may not send ICMP. */
@ExtendWith(VertxExtension.class)
class IcmpCollectorStartupTest {

  private static LeitwarteConfig.Icmp icmp(Path fping, int count) {
    return new LeitwarteConfig.Icmp(fping, count, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(1),
        50);
  }

  private static Throwable startupFailure(Vertx vertx, LeitwarteConfig.Icmp config) throws Exception {
    try {
      IcmpCollector collector = IcmpCollector.create(vertx, config)
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      collector.close();
      throw new AssertionError("start-up succeeded with " + config.fping());
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void the_installed_fping_starts(Vertx vertx) throws Exception {
    IcmpCollector collector = IcmpCollector.create(vertx, icmp(Path.of("fping"), 1))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(collector.name()).isEqualTo("icmp");
    collector.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void fping_missing_from_the_path_stops_start_up_with_an_install_hint() {
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
        () -> FpingInstallation.verify(Path.of("fping"), "/nonexistent/bin:/nonexistent/sbin"));

    assertThat(failure).isInstanceOf(FpingUnavailableException.class)
        .hasMessage("fping not found at 'fping': install it with 'apt-get install fping'");
  }

  @Test
  void a_configured_fping_path_that_does_not_exist_stops_start_up(Vertx vertx) throws Exception {
    assertThat(startupFailure(vertx, icmp(Path.of("/opt/nowhere/fping"), 1)))
        .isInstanceOf(FpingUnavailableException.class)
        .hasMessage("fping not found at '/opt/nowhere/fping': install it with 'apt-get install fping'");
  }

  @Test
  void a_program_that_is_not_fping_stops_start_up(Vertx vertx) throws Exception {
    assertThat(startupFailure(vertx, icmp(Path.of("/bin/false"), 1)))
        .isInstanceOf(FpingUnavailableException.class)
        .hasMessageContaining("does not behave like fping");
  }

  @Test
  void fping_without_raw_socket_permission_stops_start_up_with_a_setcap_hint(Vertx vertx, @TempDir Path dir)
      throws Exception {
    // A copy of fping loses its cap_net_raw; run as nobody, it may not open raw sockets.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path copy = dir.resolve("fping-without-capability");
    Files.copy(Path.of("/usr/bin/fping"), copy, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path asNobody = dir.resolve("fping-as-nobody");
    Files.writeString(asNobody, "#!/bin/sh\nexec setpriv --reuid=nobody --regid=nogroup --clear-groups " + copy
        + " \"$@\"\n");
    Files.setPosixFilePermissions(asNobody, PosixFilePermissions.fromString("rwx------"));

    assertThat(startupFailure(vertx, icmp(asNobody, 1)))
        .isInstanceOf(FpingUnavailableException.class)
        .hasMessageContaining("may not open raw ICMP sockets")
        .hasMessageContaining("can't create socket")
        .hasMessageContaining("setcap cap_net_raw+ep " + asNobody)
        .hasMessageContaining("chmod u+s");
  }

  @Test
  void unusable_settings_stop_start_up_naming_the_setting(Vertx vertx) throws Exception {
    assertThat(startupFailure(vertx, icmp(Path.of("fping"), 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("icmp.count must be at least 1, is 0");
  }
}
