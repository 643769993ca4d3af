package dev.regdoc.chat.web;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real bot (engine, H2 store in a fresh data folder, 1 MB upload limit) behind a web chat on a
 * free loopback port, for the whole test class: {@code @RegisterExtension static WebChatUnderTest
 * chat = ...}.
 */
final class WebChatUnderTest implements BeforeAllCallback, AfterAllCallback {
  private Path dataDir;
  private BotRuntime runtime;
  private WebChatServer server;

  WebChatServer server() {
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("regdoc-web-test");
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString(), "uploads.max-mb", "1")),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    server = WebChatServer.start(WebChatSettings.defaults().withPort(0), runtime.engine());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (server != null) {
      server.stop();
    }
    if (runtime != null) {
      runtime.close();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
