package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode refuses to start with one line the operator can act on, and never echoes a token. */
class SlackSocketModeStartTest {
  /** Never reached: start fails before any event could arrive. */
  private static final ChatEngine UNUSED =
      new ChatEngine() {
        @Override
        public Reply handle(Incoming in, ProgressSink progress) {
          throw new AssertionError("no turn expected");
        }

        @Override
        public boolean hasCase(String conversation) {
          throw new AssertionError("no turn expected");
        }

        @Override
        public long maxUploadBytes() {
          return 1;
        }
      };

  private FakeSlack slack;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void aMissingAppTokenIsNamedWithWhereToGetIt() {
    assertThatThrownBy(
            () ->
                SlackAdapter.start(
                    socketSettings(), UNUSED, Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN)))
        .isInstanceOf(SlackStartException.class)
        .hasMessage(
            "SLACK_APP_TOKEN is not set: export the app-level token with connections:write"
                + " (Basic Information > App-Level Tokens)");
    assertThat(slack.calls("/api/apps.connections.open")).isEmpty();
  }

  @Test
  void aRefusedAppTokenFailsWithOneLineFromAppsConnectionsOpen() {
    String wrong = "xapp-1-wrong-token-value";
    assertThatThrownBy(
            () ->
                SlackAdapter.start(
                    socketSettings(),
                    UNUSED,
                    Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_APP_TOKEN", wrong)))
        .isInstanceOf(SlackStartException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .startsWith("Slack refused SLACK_APP_TOKEN (apps.connections.open: invalid_auth)")
                  .doesNotContain("\n")
                  .doesNotContain(wrong)
                  .doesNotContain(FakeSlack.BOT_TOKEN);
            });
    assertThat(slack.calls("/api/apps.connections.open"))
        .singleElement()
        .satisfies(c -> assertThat(c.auth()).isEqualTo("Bearer " + wrong));
  }

  @Test
  void anAppTokenOfTheWrongKindIsRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                SlackAdapter.start(
                    socketSettings(),
                    UNUSED,
                    Map.of(
                        "SLACK_BOT_TOKEN",
                        FakeSlack.BOT_TOKEN,
                        "SLACK_APP_TOKEN",
                        FakeSlack.BOT_TOKEN)))
        .isInstanceOf(SlackStartException.class)
        .hasMessageStartingWith("SLACK_APP_TOKEN does not look right: it must start with \"xapp-\"")
        .hasMessageNotContaining(FakeSlack.BOT_TOKEN);
    assertThat(slack.calls()).isEmpty();
  }

  private SlackSettings socketSettings() {
    return SlackSettings.defaults().withApiBaseUrl(slack.apiBase());
  }
}
