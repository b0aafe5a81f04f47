package org.leitwarte.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, offline: the driver is given by path (Selenium Manager
 * never downloads or reports anything), every host but loopback resolves to nothing, and the profile
 * lives in a fresh directory that {@link #close} deletes after quitting the browser.
 */
final class Chromium implements AutoCloseable {

  static final String BINARY = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  final WebDriver driver;
  private final Path profile;
  private final ChromeDriverService service;

  Chromium() throws IOException {
    System.setProperty("SE_OFFLINE", "true");
    profile = Files.createTempDirectory("leitwarte-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
        "--lang=de-DE", "--window-size=1280,900");
    // A German browser, as in the municipalities (headless Chromium otherwise asks for English).
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    WebDriver started = null;
    try {
      started = new ChromeDriver(service, options);
      started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
    } finally {
      if (started == null) {
        service.stop();
        delete(profile);
      }
    }
    driver = started;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      delete(profile);
    }
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
