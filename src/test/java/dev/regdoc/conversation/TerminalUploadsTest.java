package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the terminal chat reads: only a line made of paths uploads, files outside the user's folders
 * are read only after a yes, and system paths and special files never.
 */
class TerminalUploadsTest {
  private static final String SECRET_LINE = "root:x:0:0:not-to-be-quoted";

  @TempDir Path data;
  @TempDir Path tmp;
  private Path own;
  private Path outside;

  @BeforeEach
  void folders() throws Exception {
    own = Files.createDirectories(tmp.resolve("own"));
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
  }

  private static String say(TerminalChat chat, String line) {
    return chat.turn(line, ProgressSink.NONE).plainText();
  }

  private TerminalChat chat(BotRuntime bot) {
    TerminalChat chat =
        new TerminalChat(bot.engine(), "terminal:uploads", "terminal:tester", List.of(own));
    say(chat, "SEP0024142DDF24 drops to the secondary every 16 minutes");
    return chat;
  }

  private int storedFiles(BotRuntime bot) {
    return bot.store()
        .files(bot.store().caseOfConversation("terminal:uploads").orElseThrow())
        .size();
  }

  @Test
  void pathsMentionedInASentenceAreNotUploaded() throws Exception {
    Path shadow = Files.writeString(own.resolve("shadow"), SECRET_LINE + "\n");
    Path passwd = Files.writeString(own.resolve("passwd.txt"), SECRET_LINE + "\n");
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      String reply = say(chat, "I checked " + shadow + " and " + passwd + " and /etc/passwd");
      assertThat(reply).doesNotContain("Got ").doesNotContain(SECRET_LINE);
      assertThat(storedFiles(bot)).isZero();
    }
  }

  @Test
  void aLineOfOnlyPathsUploadsThem() throws Exception {
    Path a = Files.writeString(own.resolve("a.log"), "nothing to see\n");
    Path b =
        Files.writeString(
            Files.createDirectories(own.resolve("with space")).resolve("b.txt"),
            "nothing either\n");
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      String reply = say(chat, a + ", \"" + b + "\"");
      assertThat(reply).contains("Got 2 files").contains("a.log").contains("b.txt");
      assertThat(storedFiles(bot)).isEqualTo(2);
    }
  }

  @Test
  void procSysAndDevAreNeverRead() {
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      for (String p :
          List.of(
              "/proc/self/environ",
              "/dev/null",
              "/sys/kernel/mm/../../kernel/uevent_seqnum",
              "/proc/self/status")) {
        String reply = say(chat, p);
        assertThat(reply).as(p).contains("I did not read").doesNotContain("Got ");
        say(chat, "yes");
      }
      assertThat(storedFiles(bot)).isZero();
    }
  }

  @Test
  void aLinkIntoProcIsRefusedToo() throws Exception {
    Path link = Files.createSymbolicLink(own.resolve("env.txt"), Path.of("/proc/self/environ"));
    Path dots = own.resolve("../../../../../../../../proc/self/environ");
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      assertThat(say(chat, link.toString())).contains("I did not read").doesNotContain("Got ");
      assertThat(say(chat, dots.toString())).contains("I did not read").doesNotContain("Got ");
      assertThat(storedFiles(bot)).isZero();
    }
  }

  @Test
  void aFifoOrAFolderIsNotRead() throws Exception {
    Path fifo = own.resolve("pipe.log");
    int made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assumeTrue(made == 0, "mkfifo is available");
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      assertThat(say(chat, fifo.toString())).contains("I did not read");
      assertThat(say(chat, own.toString() + "/")).contains("I did not read");
      assertThat(storedFiles(bot)).isZero();
    }
  }

  @Test
  void aFileOutsideTheUsersFoldersIsReadOnlyAfterYes() throws Exception {
    Path log = Files.writeString(outside.resolve("x.log"), "nothing to see\n");
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      String question = say(chat, log.toString());
      assertThat(question)
          .contains("Read " + log + " from outside your folders?")
          .doesNotContain("Got ");
      assertThat(storedFiles(bot)).isZero();
      assertThat(say(chat, "yes")).contains("Got 1 file");
      assertThat(storedFiles(bot)).isEqualTo(1);
    }
  }

  @Test
  void noOrAnythingElseLeavesTheOutsideFileUnread() throws Exception {
    Path log = Files.writeString(outside.resolve("y.log"), "nothing to see\n");
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat = chat(bot);
      say(chat, log.toString());
      assertThat(say(chat, "no")).contains("I did not read").contains("y.log");
      assertThat(say(chat, "yes")).doesNotContain("Got ");
      say(chat, log.toString());
      say(chat, "checklist");
      assertThat(say(chat, "yes")).doesNotContain("Got ");
      assertThat(storedFiles(bot)).isZero();
    }
  }
}
