package dev.regdoc.adapter.slack;

import static dev.regdoc.adapter.slack.SlackHttpModeTest.mention;
import static dev.regdoc.adapter.slack.SlackHttpModeTest.threadMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case thread stays regdoc's across a restart: after the adapter and the engine are stopped and
 * new ones started on the same data (H2 case store), a plain reply in the thread, without a
 * mention, is answered in the case.
 */
class SlackRestartTest {
  private static final String CHANNEL = "C1";
  private static final String THREAD = "1700001000.000100";

  @TempDir Path dataDir;
  private FakeSlack slack;
  private BotRuntime runtime;
  private SlackAdapter.Running adapter;

  @BeforeEach
  void startSlack() throws Exception {
    slack = new FakeSlack();
  }

  @AfterEach
  void stopAll() {
    stopRegdoc();
    slack.close();
  }

  @Test
  void aPlainReplyInAnOldCaseThreadIsAnsweredAfterARestart() throws Exception {
    startRegdoc();
    send(
        "Ev-open",
        mention(
            CHANNEL,
            THREAD,
            "<@U0REGDOC> SEP0024142DDF24 drops to the secondary every 16 minutes"));
    slack.await(
        "/api/chat.postMessage",
        c -> THREAD.equals(c.param("thread_ts")) && c.param("text").contains("SIP or with SCCP"));
    stopRegdoc();

    startRegdoc();
    send("Ev-elsewhere", threadMessage(CHANNEL, "1700001100.000100", "1700001100.000200", "SIP"));
    send("Ev-answer", threadMessage(CHANNEL, THREAD, "1700001000.000300", "SIP"));

    FakeSlack.Call next =
        slack.await(
            "/api/chat.postMessage",
            c -> THREAD.equals(c.param("thread_ts")) && c.param("text").contains("CUCM version"));
    assertThat(next.param("channel")).isEqualTo(CHANNEL);
    Thread.sleep(500);
    assertThat(slack.posts())
        .as("a thread regdoc never worked in stays ignored")
        .noneMatch(c -> "1700001100.000100".equals(c.param("thread_ts")));
  }

  private void startRegdoc() {
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    SlackSettings settings =
        SlackSettings.defaults()
            .withHttp("127.0.0.1", 0)
            .withApiBaseUrl(slack.apiBase())
            .withAllowedFileHosts(Set.of("127.0.0.1"))
            .withRateLimit(1000);
    adapter =
        SlackAdapter.start(
            settings,
            runtime.engine(),
            Map.of(
                "SLACK_BOT_TOKEN",
                FakeSlack.BOT_TOKEN,
                "SLACK_SIGNING_SECRET",
                SlackHttpModeTest.SECRET));
  }

  private void stopRegdoc() {
    if (adapter != null) {
      adapter.close();
      adapter = null;
    }
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  private void send(String eventId, String event) throws Exception {
    assertThat(
            new SignedSender(adapter.port(), SlackHttpModeTest.SECRET)
                .event(eventId, event)
                .statusCode())
        .isEqualTo(200);
  }
}
