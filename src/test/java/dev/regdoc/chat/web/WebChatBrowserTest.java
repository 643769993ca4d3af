package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.charts.ChartIllustrator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium at 1280x900 against the real engine: the first hour of a newcomer,
 * and a lesson: its capture downloaded, its find-the-frame answers judged right, near and wrong.
 */
class WebChatBrowserTest {
  @TempDir Path dataDir;
  @TempDir Path browserProfile;
  @TempDir Path downloads;
  BotRuntime runtime;
  WebChatServer server;
  ChromeDriver browser;

  @BeforeEach
  void start() {
    browser = HeadlessChromium.start(browserProfile, downloads);
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            ChartIllustrator::new,
            Clock.systemUTC());
    server = WebChatServer.start(WebChatSettings.defaults().withPort(0), runtime.engine());
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

  /**
   * The first hour as a newcomer meets it: the greeting, its example clicked, two files chosen at
   * once, the answer's first screen, a picture at full size, then Japanese all the way.
   */
  @Test
  void theFirstHourFromTheGreetingToAJapaneseAnswer() throws Exception {
    browser.get(server.uri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));

    // The greeting: what regdoc does, the three ways to start, an example to click.
    WebElement greeting =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.bot")));
    assertThat(greeting.getText())
        .contains("describe the problem")
        .contains("drop files")
        .contains("teach me");
    assertThat(greeting.findElements(By.cssSelector("button[data-action='teach me']"))).hasSize(1);
    WebElement example =
        greeting.findElement(
            By.cssSelector("button[data-action='" + WebChatServerTest.SYMPTOM + "']"));
    example.click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 2));
    assertThat(lastReply().getText()).contains("SIP or with SCCP");

    // Two files chosen at once: one request, one analysis, one answer naming both files.
    Path case2 = WebChatServerTest.CASE2.toAbsolutePath();
    browser
        .findElement(By.id("files"))
        .sendKeys(case2.resolve("phone.pcap") + "\n" + case2.resolve("switch-config.txt"));
    WebElement answer =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.bot.answer")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("progress")));
    assertThat(browser.findElements(By.cssSelector(".msg.bot.answer"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".msg.user")).get(1).getText())
        .isEqualTo("📎 phone.pcap, switch-config.txt");
    assertThat(answer.findElements(By.cssSelector(".filestatus .name")))
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrder("phone.pcap", "switch-config.txt");

    // Its first screen: finding #1 with its decisive evidence and its fix, the rest folded.
    WebElement lead = answer.findElement(By.cssSelector(".card.finding.lead"));
    assertThat(lead.getAttribute("data-code")).isEqualTo("port-security-aging");
    assertThat(lead.getText()).contains("GigabitEthernet1/0/12").contains("95 %");
    assertThat(lead.findElements(By.cssSelector(":scope > .evidence li"))).hasSizeBetween(2, 3);
    WebElement fix = lead.findElement(By.cssSelector("ol.fix"));
    assertThat(onFirstScreen(lead)).isTrue();
    assertThat(onFirstScreen(fix)).as("the fix is on the answer's first screen").isTrue();
    assertThat(answer.findElements(By.cssSelector("details[open]"))).isEmpty();
    assertThat(answer.findElement(By.cssSelector("details.other-findings > summary")).getText())
        .startsWith("Other findings");
    assertThat(answer.findElement(By.cssSelector("details.checklist > summary")).getText())
        .isEqualTo("Checklist");
    // the missing evidence (the CUCM alarms) is said once on the page, not as a card, a line and a
    // step
    assertThat(occurrences(answer.getText(), "CUCM alarms")).isEqualTo(1);
    assertThat(browser.findElements(By.cssSelector(".msg.error"))).isEmpty();
    screenshot("web-chat-first-screen.png");

    // A picture: as wide as the chat, no caption repeating its title, full size on a click.
    WebElement picture = answer.findElement(By.cssSelector("figure img"));
    assertThat(answer.findElements(By.cssSelector("figcaption"))).isEmpty();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", picture);
    long shown =
        ((Number) browser.executeScript("return arguments[0].clientWidth", picture)).longValue();
    long natural =
        ((Number) browser.executeScript("return arguments[0].naturalWidth", picture)).longValue();
    assertThat(shown).as("the picture uses the free width").isGreaterThan(natural * 85 / 100);
    picture.click();
    WebElement full =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lightbox-img")));
    assertThat(
            ((Number) browser.executeScript("return arguments[0].clientWidth", full)).longValue())
        .isEqualTo(natural);
    screenshot("web-chat-picture-full-size.png");
    browser.findElement(By.id("lightbox-close")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lightbox")));

    // Japanese all the way once asked for: the page's own words, then a new file's answer.
    say("日本語で");
    assertThat(lastReply().getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    browser.findElement(By.id("files")).sendKeys(case2.resolve("cucm.pcap").toString());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot.answer"), 2));
    WebElement japanese = lastReply();
    assertThat(japanese.getAttribute("lang")).isEqualTo("ja");
    assertThat(japanese.findElement(By.cssSelector(".filestatus .looks")).getText())
        .contains("パケットキャプチャ");
    for (WebElement where : japanese.findElements(By.cssSelector(".evidence .where"))) {
      assertThat(where.getText()).doesNotContainPattern("\\b(frames?|lines?)\\b");
    }
    List<String> chrome = new ArrayList<>();
    chrome.add(browser.getTitle().replace("regdoc", ""));
    chrome.add(browser.findElement(By.id("sub")).getText());
    chrome.add(browser.findElement(By.id("input")).getAttribute("placeholder"));
    chrome.add(browser.findElement(By.id("drop-text")).getText());
    chrome.add(browser.findElement(By.id("choose")).getText());
    chrome.add(browser.findElement(By.id("send")).getText());
    chrome.add(browser.findElement(By.id("case")).getText().replaceAll("\\S*-\\S*", ""));
    chrome.add(
        japanese
            .findElement(By.cssSelector(".finding.lead .meta"))
            .getText()
            .replaceAll("^.*· ", ""));
    for (WebElement summary : japanese.findElements(By.cssSelector("summary"))) {
      chrome.add(summary.getText());
    }
    assertThat(chrome)
        .allSatisfy(w -> assertThat(w).isNotBlank().doesNotContainPattern("[A-Za-z]{2,}"));

    // An unreadable file added later: one line for it, not the diagnosis again.
    browser
        .findElement(By.id("files"))
        .sendKeys(
            Path.of("src/test/resources/transcripts/not-a-capture.docx")
                .toAbsolutePath()
                .toString());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 6));
    WebElement unread = lastReply();
    assertThat(unread.findElements(By.cssSelector(".filestatus.bad"))).hasSize(1);
    assertThat(unread.findElement(By.cssSelector(".filestatus .not-read")).getText())
        .isEqualTo("読み込めず");
    assertThat(unread.findElements(By.cssSelector(".card, figure"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".msg.error"))).isEmpty();
    screenshot("web-chat-japanese.png");
  }

  private void say(String text) {
    int replies = browser.findElements(By.cssSelector(".msg.bot")).size();
    browser.findElement(By.id("input")).sendKeys(text);
    browser.findElement(By.id("send")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), replies + 1));
  }

  private WebElement lastReply() {
    List<WebElement> replies = browser.findElements(By.cssSelector(".msg.bot"));
    return replies.get(replies.size() - 1);
  }

  /** Whether the element is wholly inside the chat's visible part (the answer's first screen). */
  private boolean onFirstScreen(WebElement e) {
    return (Boolean)
        browser.executeScript(
            "var r = arguments[0].getBoundingClientRect();"
                + " var c = document.getElementById('messages').getBoundingClientRect();"
                + " return r.height > 0 && r.top >= c.top && r.bottom <= c.bottom;",
            e);
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private void screenshot(String name) throws IOException {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
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

    // the questions, then the find-the-frame exercises on the capture just downloaded
    for (int q = 0; q < 4; q++) {
      say("I would look at the CUCM alarms");
    }
    assertThat(lastReply().getText()).contains("Exercise 1 of 3");
    say("frame 55");
    assertThat(lastReply().getText()).contains("Right: frame 55 of phone.pcap.");
    say("60");
    assertThat(lastReply().getText())
        .contains("Close: that frame is the same message, but another copy of it.")
        .contains("frame 57 of phone.pcap");
    say("3");
    assertThat(lastReply().getText()).contains("Lesson finished");

    say("teach me");
    int replies = browser.findElements(By.cssSelector(".msg.bot")).size();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-action='lesson:case-2-port-security-aging']")))
        .click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), replies + 1));
    assertThat(lastReply().getText()).contains("Question 1 of 5");
    for (int q = 0; q < 5; q++) {
      say("the firewall");
    }
    assertThat(lastReply().getText()).contains("Exercise 1 of 3");
    say("frame 3");
    assertThat(lastReply().getText()).contains("Not that one: it is frame 48 of phone.pcap.");
    assertThat(browser.findElements(By.cssSelector(".msg.error"))).isEmpty();
    screenshot("web-chat-lesson-exercises.png");
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
