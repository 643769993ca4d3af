package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a limit of one turn a minute, a user's second mention gets the slow-down note and never
 * reaches the engine.
 */
class SlackRateLimitTest {
  @TempDir Path dataDir;

  @Test
  void aSecondTurnWithinTheMinuteIsAnsweredWithTheLimitNotTheEngine() throws Exception {
    assertThat(secondTurn("<@U0REGDOC> new case"))
        .isEqualTo(
            "<@U1> you are sending requests faster than regdoc answers 1 a minute;"
                + " please wait a moment.");
  }

  @Test
  void aUserWritingJapaneseIsToldTheLimitInJapanese() throws Exception {
    assertThat(secondTurn("<@U0REGDOC> 電話機が 16分ごとに登録解除される"))
        .isEqualTo("<@U1> リクエストが多すぎます。regdoc が応答するのは 1分あたり 1 件までです。" + "少し待ってから送ってください。");
  }

  /**
   * Two mentions of one user with a limit of one turn a minute: what the second is answered with;
   * only the first reaches the engine.
   */
  private String secondTurn(String text) throws Exception {
    try (FakeSlack slack = new FakeSlack();
        BotRuntime runtime =
            BotRuntime.start(
                BotConfig.of(Map.of("data.dir", dataDir.toString())),
                Path.of("knowledge-base"),
                Path.of("rules"),
                Illustrator.NONE,
                Clock.systemUTC())) {
      SlackHttpModeTest.Recorder engine = new SlackHttpModeTest.Recorder(runtime.engine());
      SlackSettings settings =
          SlackSettings.defaults()
              .withHttp("127.0.0.1", 0)
              .withApiBaseUrl(slack.apiBase())
              .withAllowedFileHosts(Set.of("127.0.0.1"))
              .withRateLimit(1);
      SlackAdapter.Running adapter =
          SlackAdapter.start(
              settings,
              engine,
              Map.of(
                  "SLACK_BOT_TOKEN",
                  FakeSlack.BOT_TOKEN,
                  "SLACK_SIGNING_SECRET",
                  SlackHttpModeTest.SECRET));
      try {
        SignedSender send = new SignedSender(adapter.port(), SlackHttpModeTest.SECRET);
        send.event("Ev-r1", SlackHttpModeTest.mention("C1", "1700001000.000100", text));
        slack.await("/api/chat.postMessage", c -> "1700001000.000100".equals(c.param("thread_ts")));
        send.event("Ev-r2", SlackHttpModeTest.mention("C1", "1700001001.000100", text));

        FakeSlack.Call limited =
            slack.await(
                "/api/chat.postMessage", c -> "1700001001.000100".equals(c.param("thread_ts")));
        assertThat(engine.received).hasSize(1);
        return limited.param("text");
      } finally {
        adapter.close();
      }
    }
  }
}
