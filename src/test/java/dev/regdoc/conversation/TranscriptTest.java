package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripted conversations through the terminal chat and the real engine: each "> " line is sent, and
 * every "< " line after it must appear in the reply; a line "~ restart" stops the bot and starts a
 * new one on the same data directory. The scripts are in src/test/resources/transcripts.
 */
class TranscriptTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/transcripts");
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

  /** A line of its own: the bot is stopped and started again on the same data directory. */
  private static final String RESTART = "~ restart";

  @TempDir Path data;

  static Stream<String> transcripts() throws IOException {
    try (Stream<Path> s = Files.list(SCRIPTS)) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("transcripts")
  void conversationGoesAsScripted(String name) throws IOException {
    BotRuntime bot = BotFixture.start(data);
    try {
      TerminalChat chat = chat(bot, name);
      for (Exchange e : parse(Files.readAllLines(SCRIPTS.resolve(name), StandardCharsets.UTF_8))) {
        if (RESTART.equals(e.said())) {
          // a new bot on the same data directory, as after the process was stopped
          bot.close();
          bot = BotFixture.start(data);
          chat = chat(bot, name);
          continue;
        }
        String reply = chat.turn(e.said(), ProgressSink.NONE).plainText();
        for (String expected : e.expected()) {
          assertThat(reply)
              .as("%s: reply to \"%s\"", name, e.said())
              .contains(expected.replace("**", ""));
        }
      }
    } finally {
      bot.close();
    }
  }

  private static TerminalChat chat(BotRuntime bot, String name) {
    return new TerminalChat(bot.engine(), "terminal:" + name, "terminal:tester");
  }

  private record Exchange(String said, List<String> expected) {}

  private static List<Exchange> parse(List<String> lines) {
    List<Exchange> out = new ArrayList<>();
    for (String line : lines) {
      if (line.equals(RESTART)) {
        out.add(new Exchange(RESTART, new ArrayList<>()));
      } else if (line.startsWith("> ")) {
        out.add(
            new Exchange(
                line.substring(2).replace("@fixtures/", FIXTURES + "/"), new ArrayList<>()));
      } else if (line.startsWith("< ")) {
        out.get(out.size() - 1).expected().add(line.substring(2));
      }
    }
    return out;
  }
}
