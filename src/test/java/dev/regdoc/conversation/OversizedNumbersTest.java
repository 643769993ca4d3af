package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers too large for any case or step get a plain answer through the real engine, never the
 * error reply.
 */
class OversizedNumbersTest {
  private static final String HUGE = "99999999999999999999";
  private static final String ERROR = "Something went wrong";

  @TempDir static Path data;
  private static BotRuntime bot;
  private static int conversations;

  @BeforeAll
  static void start() {
    bot = BotFixture.start(data);
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  /** A fresh conversation of the shared bot. */
  private static TerminalChat chat() {
    return new TerminalChat(bot.engine(), "terminal:numbers-" + ++conversations, "terminal:tester");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"case " + HUGE, "join case #" + HUGE, "case 0", "case 9223372036854775807"})
  void anUnknownCaseNumberIsAnsweredAsSuch(String line) {
    String reply = chat().turn(line, ProgressSink.NONE).plainText();
    assertThat(reply)
        .doesNotContain(ERROR)
        .contains("There is no case #" + line.replaceAll("\\D", ""));
  }

  @Test
  void anUnknownCaseNumberIsAnsweredInJapanese() {
    String reply = chat().turn("ケース " + HUGE, ProgressSink.NONE).plainText();
    assertThat(reply).contains("ケース #" + HUGE + " はありません");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "done " + HUGE,
        "skip " + HUGE,
        "how do i do step " + HUGE,
        "step " + HUGE + " done",
        "skip 10",
        "done 0"
      })
  void anUnknownStepNumberSaysWhichStepsThereAre(String line) {
    TerminalChat chat = chat();
    chat.turn("SEP0024142DDF24 drops to the secondary every 16 minutes", ProgressSink.NONE);
    String reply = chat.turn(line, ProgressSink.NONE).plainText();
    assertThat(reply).doesNotContain(ERROR).contains("There is no step ").contains("steps 1 to 9");
  }

  @Test
  void aStepNumberInJapaneseThatDoesNotExist() {
    TerminalChat chat = chat();
    chat.turn("SEP0024142DDF24 が 16 分ごとにセカンダリに切り替わる", ProgressSink.NONE);
    String reply = chat.turn("ステップ" + HUGE + "を完了", ProgressSink.NONE).plainText();
    assertThat(reply).doesNotContain("エラーが発生").contains("ステップ " + HUGE + " はありません");
  }

  @Test
  void theRealEngineAnswersAnOversizedCaseNumberInTheTerminal() throws Exception {
    StringWriter out = new StringWriter();
    chat()
        .run(
            new BufferedReader(new StringReader("case " + HUGE + "\n")),
            new PrintWriter(out),
            false);
    assertThat(out.toString())
        .contains("There is no case #" + HUGE)
        .doesNotContain("\tat ")
        .doesNotContain(ERROR);
  }

  @Test
  void theTerminalChatPrintsNoStackTraceWhenTheEngineFails() throws Exception {
    ChatEngine broken =
        new ChatEngine() {
          @Override
          public Reply handle(Incoming incoming, ProgressSink progress) {
            throw new IllegalStateException("engine broke");
          }

          @Override
          public boolean hasCase(String conversation) {
            return false;
          }

          @Override
          public long maxUploadBytes() {
            return 1;
          }
        };
    StringWriter out = new StringWriter();
    new TerminalChat(broken, "terminal:broken", "terminal:tester")
        .run(new BufferedReader(new StringReader("hello\ncase 3\n")), new PrintWriter(out), false);
    assertThat(out.toString())
        .doesNotContain("\tat ")
        .doesNotContain("IllegalStateException")
        .contains("Something went wrong on my side");
  }
}
