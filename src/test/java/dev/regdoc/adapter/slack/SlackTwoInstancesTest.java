package dev.regdoc.adapter.slack;

import static dev.regdoc.adapter.slack.SlackHttpModeTest.mention;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two regdoc instances on one case store behind Slack's HTTP mode: Slack retries an event it thinks
 * was lost, and the load balancer sends the retry to the other instance; the event is still
 * answered once.
 */
class SlackTwoInstancesTest {
  @TempDir Path dataDir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aRetryThatReachesTheOtherInstanceIsHandledOnce() throws Exception {
    FakeSlack slack = new FakeSlack();
    open.add(slack);
    SlackAdapter.Running first = start(slack);
    SlackAdapter.Running second = start(slack);
    String event = mention("C1", "1700002000.000100", "<@U0REGDOC> new case");

    new SignedSender(first.port(), SlackHttpModeTest.SECRET).event("Ev-twice", event);
    new SignedSender(second.port(), SlackHttpModeTest.SECRET).event("Ev-twice", event);

    slack.await("/api/chat.postMessage", c -> c.param("text").contains("opened case"));
    Thread.sleep(1500);
    assertThat(slack.posts())
        .as("one answer: %s", slack.describe())
        .filteredOn(c -> c.param("text").contains("opened case"))
        .hasSize(1);
  }

  private SlackAdapter.Running start(FakeSlack slack) {
    BotRuntime runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    open.add(runtime);
    SlackSettings settings =
        SlackSettings.defaults()
            .withHttp("127.0.0.1", 0)
            .withApiBaseUrl(slack.apiBase())
            .withAllowedFileHosts(Set.of("127.0.0.1"))
            .withRateLimit(1000);
    SlackAdapter.Running adapter =
        SlackAdapter.start(
            settings,
            runtime.engine(),
            Map.of(
                "SLACK_BOT_TOKEN",
                FakeSlack.BOT_TOKEN,
                "SLACK_SIGNING_SECRET",
                SlackHttpModeTest.SECRET));
    open.add(adapter);
    return adapter;
  }
}
