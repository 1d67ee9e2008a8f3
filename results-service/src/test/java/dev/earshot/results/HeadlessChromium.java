package dev.earshot.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, driven by Selenium through the system's chromedriver.
 *
 * <p>Uses the Debian packages {@code chromium} and {@code chromium-driver} ({@code
 * /usr/bin/chromium}, {@code /usr/bin/chromedriver}); other locations can be given with the system
 * properties {@value #CHROMIUM_PROPERTY} and {@value #CHROMEDRIVER_PROPERTY}. Both binaries are
 * passed to Selenium explicitly, so Selenium Manager is never started and nothing is downloaded:
 * this works on a machine without network access. The browser gets a fresh temporary profile, which
 * is deleted on {@link #close()}.
 *
 * <pre>{@code
 * Assumptions.assumeTrue(HeadlessChromium.available(), "install Debian's chromium and chromium-driver");
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *     browser.open(baseUrl + "/");
 *     browser.waitForText(By.cssSelector(".status"), "COMPLETE", Duration.ofSeconds(10));
 *     assertThat(browser.consoleErrors()).isEmpty();
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final String CHROMIUM_PROPERTY = "earshot.chromium";
  public static final String CHROMEDRIVER_PROPERTY = "earshot.chromedriver";

  public static final int WIDTH = 1400;
  public static final int HEIGHT = 1000;

  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * Selenium looks for a CDP binding matching the browser version and warns when there is none (no
   * selenium-devtools-vNNN artifact on the class path, which this class does not need). Held in a
   * field so the level setting is not garbage-collected with the logger.
   */
  private static final java.util.logging.Logger CDP_VERSION_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private final Path workDir;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final List<LogEntry> consoleLog = new ArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;

  private HeadlessChromium(Path workDir, ChromeDriverService service, ChromeDriver driver) {
    this.workDir = workDir;
    this.service = service;
    this.driver = driver;
    // a forgotten close() or an aborted test run must not leave chromedriver/Chromium running
    this.shutdownHook = new Thread(this::close, "headless-chromium-cleanup");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The Chromium binary (a launcher script on Debian, which is fine). */
  public static Path chromium() {
    return Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
  }

  public static Path chromedriver() {
    return Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver"));
  }

  /** Whether both Chromium and chromedriver are installed. */
  public static boolean available() {
    return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
  }

  /** Starts chromedriver and a headless Chromium with a 1400x1000 window. */
  public static HeadlessChromium start() {
    if (!available()) {
      throw new IllegalStateException(
          "Chromium not found at "
              + chromium()
              + " / "
              + chromedriver()
              + ": install Debian's chromium and chromium-driver packages");
    }
    Path workDir;
    try {
      workDir = Files.createTempDirectory("earshot-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path profile = workDir.resolve("profile");
    Path driverLog = workDir.resolve("chromedriver.log");

    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                chromedriver().toFile()) // explicit: Selenium Manager is not consulted
            .usingAnyFreePort()
            .withLogFile(driverLog.toFile())
            .build();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile()); // explicit: no browser discovery/download
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-breakpad",
        "--disable-crash-reporter",
        "--disable-extensions",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        "--metrics-recording-only",
        "--password-store=basic",
        "--mute-audio",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--lang=en-US",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);

    ChromeDriver driver = null;
    try {
      driver = new ChromeDriver(service, options);
      fitViewport(driver, WIDTH, HEIGHT);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new HeadlessChromium(workDir, service, driver);
    } catch (RuntimeException e) {
      if (driver != null) {
        quietly(driver::quit);
      }
      quietly(service::stop);
      String log = tail(driverLog, 4000);
      deleteRecursively(workDir);
      IllegalStateException failure =
          new IllegalStateException(
              "Could not start headless Chromium ("
                  + chromium()
                  + ", "
                  + chromedriver()
                  + ")"
                  + (log.isEmpty() ? "" : "; chromedriver log:\n" + log),
              e);
      throw failure;
    }
  }

  /** The underlying driver, for anything this class does not cover. */
  public WebDriver driver() {
    return driver;
  }

  /**
   * Resizes the window so that the page viewport (and so {@link #screenshot}) is {@code width} x
   * {@code height} CSS pixels. Starts at 1400x1000.
   */
  public void viewport(int width, int height) {
    fitViewport(driver, width, height);
  }

  private static void fitViewport(ChromeDriver driver, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    // headless Chromium keeps room for (invisible) browser UI: grow the window by the difference
    Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
    if (inner instanceof List<?> sizes
        && sizes.size() == 2
        && sizes.get(0) instanceof Number w
        && sizes.get(1) instanceof Number h
        && (w.intValue() != width || h.intValue() != height)) {
      driver
          .manage()
          .window()
          .setSize(new Dimension(width + (width - w.intValue()), height + (height - h.intValue())));
    }
  }

  /** Navigates to the URL and waits for the document to load. */
  public void open(String url) {
    driver.get(url);
  }

  /**
   * Opens the dashboard at {@code baseUrl}, which answers a browser without a session with its
   * login page, and logs in with {@code readKey}.
   */
  public void logIn(String baseUrl, String readKey) {
    open(baseUrl + "/");
    waitFor(By.id("key"), Duration.ofSeconds(10)).sendKeys(readKey);
    driver.findElement(By.cssSelector("form button")).click();
  }

  /** Waits until an element matching {@code by} is visible and returns it. */
  public WebElement waitFor(By by, Duration timeout) {
    try {
      return new WebDriverWait(driver, timeout, POLL)
          .ignoring(StaleElementReferenceException.class)
          .until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Timed out after " + timeout + " waiting for a visible " + by + consoleSuffix(), e);
    }
  }

  /**
   * Waits until an element matching {@code by} shows a text containing {@code expectedSubstring}
   * and returns that element's whole visible text. Elements are looked up again on every poll, so
   * elements that the page replaces meanwhile do not matter.
   */
  public String waitForText(By by, String expectedSubstring, Duration timeout) {
    List<String> lastSeen = new ArrayList<>();
    try {
      return new WebDriverWait(driver, timeout, POLL)
          .ignoring(StaleElementReferenceException.class)
          .until(
              d -> {
                lastSeen.clear();
                for (WebElement element : d.findElements(by)) {
                  String text = element.getText();
                  lastSeen.add(text);
                  if (text.contains(expectedSubstring)) {
                    return text;
                  }
                }
                return null;
              });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Timed out after "
              + timeout
              + " waiting for "
              + by
              + " to contain \""
              + expectedSubstring
              + "\"; last seen "
              + lastSeen
              + consoleSuffix(),
          e);
    }
  }

  /**
   * Waits until {@code count} images inside {@code container} (a CSS selector) have loaded and
   * decoded; lazy images are switched to eager so a headless window does not hold them back.
   */
  public void awaitImagesLoaded(String container, int count, Duration timeout)
      throws InterruptedException {
    String script =
        "const imgs = Array.from(document.querySelectorAll(arguments[0] + ' img'));"
            + " imgs.forEach(i => i.loading = 'eager');"
            + " return imgs.length === arguments[1]"
            + " && imgs.every(i => i.complete && i.naturalWidth > 0);";
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Boolean.TRUE.equals(script(script, container, count))) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new AssertionError(
        "the "
            + count
            + " images in "
            + container
            + " did not load within "
            + timeout
            + consoleSuffix());
  }

  /** Runs JavaScript in the page (see {@link JavascriptExecutor#executeScript}). */
  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Saves a PNG of the browser window (1400x1000) to {@code file}, creating directories; returns
   * {@code file}.
   */
  public Path screenshot(Path file) {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Saves a PNG of the whole page: the viewport is stretched to the document height (at most {@code
   * 10000} pixels) for the shot and then set back to what it was.
   */
  public Path fullPageScreenshot(Path file) {
    Object size =
        driver.executeScript(
            "return [window.innerWidth, window.innerHeight,"
                + " Math.ceil(document.documentElement.scrollHeight)];");
    List<?> sizes = (List<?>) size;
    int width = ((Number) sizes.get(0)).intValue();
    int height = ((Number) sizes.get(1)).intValue();
    int pageHeight = Math.min(10000, ((Number) sizes.get(2)).intValue());
    try {
      fitViewport(driver, width, Math.max(height, pageHeight));
      return screenshot(file);
    } finally {
      fitViewport(driver, width, height);
    }
  }

  /**
   * Browser console entries at level SEVERE since the browser started (console.error, uncaught
   * exceptions, failed resource loads), formatted as "message". Chromedriver hands out each log
   * entry once, so entries are collected here and every call returns all of them.
   */
  public List<String> consoleErrors() {
    return consoleEntries().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  /**
   * {@link #consoleErrors()} less the one a login leaves: the login page comes with status 401 on
   * purpose, and Chromium logs that as a failed load of {@code baseUrl/}.
   */
  public List<String> consoleErrorsAfterLogIn(String baseUrl) {
    String loginPage = baseUrl + "/ - Failed to load";
    return consoleErrors().stream().filter(e -> !e.startsWith(loginPage)).toList();
  }

  /** All browser console entries since the browser started. */
  public synchronized List<LogEntry> consoleEntries() {
    if (!closed) {
      try {
        driver.manage().logs().get(LogType.BROWSER).forEach(consoleLog::add);
      } catch (RuntimeException e) {
        // browser gone: return what was collected
      }
    }
    return List.copyOf(consoleLog);
  }

  /** Quits the browser and chromedriver and deletes the temporary profile. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | SecurityException e) {
      // already shutting down (we may be the hook)
    }
    try {
      consoleEntries(); // keep the log readable after close
    } finally {
      closed = true;
      try {
        quietly(driver::quit);
      } finally {
        quietly(service::stop);
        deleteRecursively(workDir);
      }
    }
  }

  private String consoleSuffix() {
    List<String> errors = consoleErrors();
    return errors.isEmpty() ? "" : "; browser console errors: " + errors;
  }

  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // best effort while cleaning up
    }
  }

  private static String tail(Path file, int maxChars) {
    try {
      String text = Files.readString(file);
      return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // Chromium may still be writing while it exits; leftovers stay in the temp dir
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }
}
