package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium against the real engine: type the symptom, pick the case-study-2
 * files, see the finding.
 */
class WebChatBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dataDir;
  @TempDir Path browserProfile;
  @TempDir Path downloads;
  BotRuntime runtime;
  WebChatServer server;
  ChromeDriver browser;

  @BeforeEach
  void start() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install -y chromium"
            + " chromium-driver)");
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    server = WebChatServer.start(WebChatSettings.defaults().withPort(0), runtime.engine());
    // An explicit driver and browser binary: Selenium Manager is never asked to download anything.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-US",
                "--window-size=1200,1600",
                "--user-data-dir=" + browserProfile)
            .setExperimentalOption(
                "prefs",
                Map.of(
                    "download.default_directory",
                    downloads.toString(),
                    "download.prompt_for_download",
                    false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void aDiagnosisFromTheSymptomAndTheCaseStudyTwoFiles() throws Exception {
    browser.get(server.uri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    browser.findElement(By.id("input")).sendKeys(WebChatServerTest.SYMPTOM);
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".msg.bot"), 0));

    Path case2 = WebChatServerTest.CASE2.toAbsolutePath();
    browser
        .findElement(By.id("files"))
        .sendKeys(case2.resolve("phone.pcap") + "\n" + case2.resolve("switch-config.txt"));
    WebElement card =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".card.finding[data-code='port-security-aging']")));

    // Both uploads answered: the progress line goes away; then show the newest such card in the
    // screenshot.
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("progress")));
    List<WebElement> cards =
        browser.findElements(By.cssSelector(".card.finding[data-code='port-security-aging']"));
    card = cards.get(cards.size() - 1);
    browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", card);

    assertThat(card.getText()).contains("port-security-aging").contains("%");
    assertThat(browser.findElements(By.cssSelector(".msg.user")).get(0).getText())
        .isEqualTo(WebChatServerTest.SYMPTOM);
    assertThat(browser.findElements(By.cssSelector(".msg.error"))).isEmpty();
    Path shot = Path.of("target", "screenshots", "web-chat-diagnosis.png");
    Files.createDirectories(shot.getParent());
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);

    // Japanese goes in and comes back on the page as typed.
    String japanese = "ポートセキュリティのエージングとは何ですか";
    int replies = browser.findElements(By.cssSelector(".msg.bot")).size();
    browser.findElement(By.id("input")).sendKeys(japanese);
    browser.findElement(By.id("send")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".msg.bot"), replies));
    List<WebElement> mine = browser.findElements(By.cssSelector(".msg.user"));
    assertThat(mine.get(mine.size() - 1).getText()).isEqualTo(japanese);
  }

  @Test
  void aLessonsCaptureDownloadsFromItsLink() throws Exception {
    browser.get(server.uri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    browser.findElement(By.id("input")).sendKeys("teach me");
    browser.findElement(By.id("send")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-action='lesson:case-1-2-proxy-arp']")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".lesson-files a[data-file='phone.pcap']")))
        .click();

    Path saved = downloads.resolve("phone.pcap");
    wait.until(d -> Files.isRegularFile(saved));
    byte[] shipped =
        Files.readAllBytes(Path.of("knowledge-base/lessons/case-1-2-proxy-arp/phone.pcap"));
    wait.until(d -> sizeOf(saved) == shipped.length);
    assertThat(Files.readAllBytes(saved)).isEqualTo(shipped);
    assertThat(browser.findElements(By.cssSelector(".msg.error"))).isEmpty();
    assertThat(browser.findElement(By.id("messages")).getText())
        .doesNotContain(Path.of("").toAbsolutePath().toString());
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
