package dev.regdoc.chat.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.charts.ChartIllustrator;
import dev.regdoc.conversation.ProgressSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the terminal chat shows, as a user at the terminal meets it: pictures written to files it
 * names (and the ladder as text), Markdown rendered for a terminal, and a mistyped path answered
 * with the closest existing name.
 */
class TerminalChatTest {
  private static final Path CASE2 =
      Path.of("src/test/resources/fixtures/case-study-2").toAbsolutePath();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
  private static final Pattern PICTURE = Pattern.compile("(?m)^Picture: .+?: (/\\S+\\.png)$");

  @TempDir Path data;
  @TempDir Path own;

  private BotRuntime bot() {
    return BotRuntime.start(
        BotConfig.of(Map.of("data.dir", data.toString())),
        Path.of("knowledge-base"),
        Path.of("rules"),
        ChartIllustrator::new,
        CLOCK);
  }

  private TerminalChat chat(BotRuntime bot, boolean styled) {
    return new TerminalChat(
        bot.engine(),
        "terminal:pictures",
        "terminal:tester",
        List.of(own, CASE2),
        data.resolve("pictures"),
        styled);
  }

  private static String say(TerminalChat chat, String line) {
    return chat.render(chat.turn(line, ProgressSink.NONE));
  }

  @Test
  void picturesAreWrittenWhereTheReplySaysAndTheLadderIsShownAsText() throws IOException {
    try (BotRuntime bot = bot()) {
      TerminalChat chat = chat(bot, false);
      say(chat, "SEP0024142DDF24 drops to the secondary every 16 minutes");
      String reply =
          say(chat, CASE2.resolve("phone.pcap") + " " + CASE2.resolve("switch-config.txt"));
      assertThat(reply).contains("port-security-aging").doesNotContain("[picture:");
      Matcher m = PICTURE.matcher(reply);
      List<Path> named =
          Stream.iterate(m, Matcher::find, x -> x).map(x -> Path.of(x.group(1))).toList();
      assertThat(named).as("pictures named in: %s", reply).hasSizeGreaterThanOrEqualTo(2);
      for (Path p : named) {
        assertThat(p).startsWith(data.resolve("pictures")).isRegularFile();
        byte[] png = Files.readAllBytes(p);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
      }
      assertThat(named).anyMatch(p -> p.getFileName().toString().startsWith("ladder-"));
      assertThat(reply)
          .as("the ladder as text in the terminal")
          .contains("message sequence around port-security-aging")
          .contains("|<----");
    }
  }

  @Test
  void markdownIsBoldOnATerminalAndPlainOtherwise() {
    try (BotRuntime bot = bot()) {
      String plain = say(chat(bot, false), "help");
      assertThat(plain)
          .contains("SEP0024142DDF24 drops to the secondary every 16 minutes")
          .doesNotContain("**")
          .doesNotContain("`")
          .doesNotContain("\u001b[");
      String styled = say(chat(bot, true), "help");
      assertThat(styled)
          .contains("\u001b[1mSEP0024142DDF24 drops to the secondary every 16 minutes\u001b[22m")
          .doesNotContain("**");
    }
  }

  @Test
  void markdownMarkersInsideFindingsAreRenderedToo() {
    TerminalMarkdown plain = new TerminalMarkdown(false);
    assertThat(plain.render("say **skip** or run `show port-security`"))
        .isEqualTo("say skip or run show port-security");
    assertThat(new TerminalMarkdown(true).render("run `show port-security`"))
        .isEqualTo("run \u001b[36mshow port-security\u001b[39m");
    assertThat(plain.render("a * b ** c")).as("lone stars stay").isEqualTo("a * b ** c");
  }

  @Test
  void aMistypedPathGetsTheClosestExistingName() throws IOException {
    Files.write(own.resolve("cucm.pcap"), new byte[] {1});
    try (BotRuntime bot = bot()) {
      TerminalChat chat = chat(bot, false);
      String reply = say(chat, own.resolve("cucm.pcapp").toString());
      assertThat(reply)
          .contains("Not found: " + own.resolve("cucm.pcapp"))
          .contains("closest existing name is " + own.resolve("cucm.pcap"))
          .doesNotContain("I did not understand");
      String far = say(chat, own.resolve("nothing-like-it/phone.pcap").toString());
      assertThat(far).contains("Not found: ").doesNotContain("I did not understand");
    }
  }

  @Test
  void anAddressOrAHostNameIsNotTakenForAMissingFile() {
    try (BotRuntime bot = bot()) {
      TerminalChat chat = chat(bot, false);
      assertThat(say(chat, "192.0.2.45")).doesNotContain("Not found");
      assertThat(say(chat, "cucm.example.com")).doesNotContain("Not found");
    }
  }
}
