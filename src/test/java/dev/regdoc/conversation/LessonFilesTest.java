package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson's files ship in the knowledge base's lessons/ folder and are offered by where the
 * learner can reach them: the terminal user (on regdoc's machine) by absolute path; everywhere else
 * (stored transcript, Slack's text, the web chat) by name only, never a path of regdoc's machine.
 */
class LessonFilesTest {
  static final String LESSON = "case-1-2-proxy-arp";
  static final List<String> FILES =
      List.of("asa-config.txt", "cucm-syslog.log", "cucm.pcap", "phone.pcap");

  @TempDir Path data;

  @Test
  void theTerminalNamesEachLessonFileByItsAbsolutePath() throws Exception {
    StringWriter out = new StringWriter();
    try (BotRuntime bot = BotFixture.start(data)) {
      new TerminalChat(bot.engine(), "terminal:lessons", "terminal:learner")
          .run(new BufferedReader(new StringReader("teach me\n1\n")), new PrintWriter(out), false);
    }
    String shown = out.toString();
    Path lesson = Path.of("knowledge-base/lessons", LESSON).toAbsolutePath();
    List<Path> named =
        shown.lines().filter(l -> l.startsWith("- /")).map(l -> Path.of(l.substring(2))).toList();
    assertThat(named).containsExactlyElementsOf(FILES.stream().map(lesson::resolve).toList());
    assertThat(named).allMatch(Files::isRegularFile);
    assertThat(shown)
        .contains("These files reproduce the case")
        .contains("Question 1 of 4")
        .doesNotContain("src/test/resources");
  }

  @Test
  void elsewhereTheLessonFilesAreNamedWithoutAPath() {
    try (BotRuntime bot = BotFixture.start(data)) {
      ChatEngine engine = bot.engine();
      engine.handle(Incoming.text("web:lessons", "web:learner", "teach me"), ProgressSink.NONE);
      Reply r =
          engine.handle(
              Incoming.action("web:lessons", "web:learner", "lesson:" + LESSON), ProgressSink.NONE);

      assertThat(r.blocks()).contains(new Block.LessonFiles(LESSON, FILES));
      assertThat(r.plainText())
          .contains(FILES.stream().map(f -> "- " + f).toList())
          .doesNotContain(Path.of("").toAbsolutePath().toString())
          .doesNotContain("src/test/resources");
      assertThat(engine.lessonFile(LESSON, "phone.pcap"))
          .hasValue(Path.of("knowledge-base/lessons", LESSON, "phone.pcap").toAbsolutePath());
    }
  }
}
