package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium against two instances on one PostgreSQL, as behind a load balancer
 * (same session key; the browser's cookie goes to both, as to one address). An upload's request is
 * cut while its analysis runs: the page says so, then finds the answer in the conversation's
 * history by polling and shows it once. Opened on the other instance, the page shows the same
 * conversation.
 */
class WebChatLostAnswerBrowserTest {
  @TempDir Path dir;
  @TempDir Path browserProfile;
  @TempDir Path downloads;
  private final GatedUploads.Gate gate = new GatedUploads.Gate();
  private TwoWebInstances instances;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    instances = TwoWebInstances.start(dir, "webb", e -> new GatedUploads(e, gate));
    browser = HeadlessChromium.start(browserProfile, downloads);
  }

  @AfterEach
  void stop() throws Exception {
    gate.open();
    if (browser != null) {
      browser.quit();
    }
    if (instances != null) {
      instances.close();
    }
  }

  @Test
  void anUploadWhoseAnswerWasLostIsShownOnceAndTheOtherInstanceShowsTheWholeConversation()
      throws Exception {
    browser.get(instances.first().uri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot"), 1));
    say(WebChatServerTest.SYMPTOM);
    say("SIP");

    // the upload reaches the first instance and is analysed; its request is cut meanwhile
    cutNextUpload();
    Path case2 = WebChatServerTest.CASE2.toAbsolutePath();
    browser
        .findElement(By.id("files"))
        .sendKeys(case2.resolve("phone.pcap") + "\n" + case2.resolve("switch-config.txt"));
    assertThat(gate.awaitAnalysis(60)).as("the upload is analysed").isTrue();
    browser.executeScript("window.regdocTestCut();");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.error")));
    assertThat(browser.findElement(By.cssSelector(".msg.error")).getText())
        .startsWith("regdoc could not be reached");
    gate.open();

    // the answer comes through the history, once, and the page stops waiting for it
    WebElement answer =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.bot.answer")));
    assertThat(answer.findElement(By.cssSelector(".card.finding.lead")).getAttribute("data-code"))
        .isEqualTo("port-security-aging");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("progress")));
    Thread.sleep(5000); // two more polling periods: a second copy, if any, would come now
    assertThat(browser.findElements(By.cssSelector(".msg.bot.answer"))).hasSize(1);
    List<String> onFirst = conversation();
    assertThat(onFirst).hasSize(6);

    // the same browser on the other instance: the same conversation, from its start
    browser.get(instances.second().uri().toString());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".msg.bot.answer"), 1));
    assertThat(conversation()).isEqualTo(onFirst);
    assertThat(browser.findElements(By.cssSelector(".msg.error"))).isEmpty();

    // and a turn there continues it: the next question of the intake
    say("14");
    assertThat(lastReply().findElements(By.cssSelector(".card.step"))).isNotEmpty();
  }

  /** The page's user and regdoc bubbles after the greeting, as their text (errors left out). */
  private List<String> conversation() {
    List<WebElement> all = browser.findElements(By.cssSelector(".msg.user, .msg.bot"));
    List<String> out =
        all.stream()
            .map(
                e ->
                    (e.getAttribute("class").contains("user") ? "user: " : "regdoc: ")
                        + e.getText())
            .toList();
    // a page that started without history shows the greeting first; it is not a turn
    return out.get(0).startsWith("regdoc: ") ? out.subList(1, out.size()) : out;
  }

  /**
   * The page's next upload goes to the server as it is, but the page is told that the connection
   * failed, as a browser is when a network or balancer drops the request, once the test calls
   * regdocTestCut(); the server's answer to the request never reaches the page. (Chromium's offline
   * emulation does not fail a request to the loopback address that is in flight.)
   */
  private void cutNextUpload() {
    browser.executeScript(
        "var real = window.fetch; window.fetch = function (url, options) {   var sent ="
            + " real.apply(this, arguments);   if (String(url).indexOf('api/upload') !== 0) {"
            + " return sent; }   window.fetch = real;   return new Promise(function (resolve,"
            + " reject) {     window.regdocTestCut = function () { reject(new TypeError('Failed to"
            + " fetch')); };   }); };");
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
}
