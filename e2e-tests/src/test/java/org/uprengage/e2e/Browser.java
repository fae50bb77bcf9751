package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver (Selenium 4), signed in to the pages
 * as one person, with a profile of its own. Checks each page with axe-core (injected by the test)
 * and takes screenshots for the docs.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final String base;
  private final Path profile;
  final ChromeDriver driver;

  Browser(String base) throws IOException {
    assertThat(Path.of(CHROMIUM))
        .as("Debian's chromium (apt-get install -y chromium chromium-driver)")
        .exists();
    assertThat(Path.of(CHROMEDRIVER)).as("Debian's chromium-driver").exists();
    this.base = base;
    this.profile = Files.createTempDirectory("upr-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /** Signs in with the login form. */
  Browser signIn(String username) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    // the sign-in page has a heading too: wait for the page after it, not for any heading
    patiently()
        .withMessage(() -> username + " is still on the sign-in page: " + driver.getCurrentUrl())
        .until(page -> !page.getCurrentUrl().contains("/login"));
    waitFor(By.cssSelector("main h1"));
    return this;
  }

  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  /** Waits for the page at an address containing {@code part}, after a click that leads there. */
  Browser waitForAddress(String part) {
    patiently().until(ExpectedConditions.urlContains(part));
    waitFor(By.cssSelector("main h1"));
    return this;
  }

  WebElement waitFor(By by) {
    return patiently().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * The page's confirmation ({@code .messages .ok}) once it says {@code expected}. After a click
   * the page before it may still be shown, with a confirmation of its own ("The task is yours."),
   * and be replaced while it is read: that one is waited past, not taken for the answer.
   */
  String confirmationSaying(String expected) {
    return patiently()
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "no confirmation saying \"" + expected + "\"")
        .until(
            page -> {
              String text = page.findElement(By.cssSelector(".messages .ok")).getText();
              return text.contains(expected) ? text : null;
            });
  }

  /** A wait of up to 30 s, what each step of a walk may take on a busy machine. */
  private WebDriverWait patiently() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The status of a request the page makes itself (fetch), as the browser sees it. */
  long fetchStatus(String method, String path) {
    return (Long)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin', redirect: 'manual'})"
                    + ".then(r => done(r.status), e => done(-1));",
                path,
                method);
  }

  /**
   * Runs axe-core on the page as it is and fails on any serious or critical violation, naming the
   * rule and the elements.
   */
  void assertAccessible() throws IOException {
    Path axe = Path.of(System.getProperty("upr.e2e.axe", "node_modules/axe-core/axe.min.js"));
    assertThat(axe).as("axe-core: run npm ci in e2e-tests").exists();
    script(Files.readString(axe));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))),"
                        + " e => done([{id: 'axe-failed', help: String(e)}]));");
    assertThat(violations).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
  }

  /** A screenshot of the whole page for the docs, as docs/screens/{name}.png. */
  void screenshot(String name) throws IOException {
    Path screens = Path.of(System.getProperty("upr.e2e.screens", "target/screens"));
    Files.createDirectories(screens);
    script("window.scrollTo(0, 0); document.activeElement.blur()");
    long height = (Long) script("return document.documentElement.scrollHeight");
    // the whole page at once: a viewport as tall as the page (at most 3,000 pixels)
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            1280,
            "height",
            (int) Math.min(3000, Math.max(800, height)),
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    Files.write(screens.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
    }
  }
}
