package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped app manifest asks for what the adapter uses: its command, its events, its scopes,
 * Socket Mode.
 */
class SlackManifestTest {
  @Test
  void theManifestMatchesWhatTheAdapterHandles() throws Exception {
    JsonNode m =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("bot/slack-app-manifest.yaml").toFile());

    assertThat(m.at("/features/slash_commands/0/command").asText()).isEqualTo(SlackEvents.COMMAND);
    assertThat(strings(m.at("/oauth_config/scopes/bot")))
        .containsExactlyInAnyOrder(
            "app_mentions:read",
            "chat:write",
            "files:read",
            "files:write",
            "im:history",
            "channels:history",
            "groups:history",
            "commands");
    assertThat(strings(m.at("/settings/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrder("app_mention", "message.im", "message.channels", "file_shared");
    assertThat(m.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    assertThat(m.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
