package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive of many entries regdoc skips for the same reason is answered with a few of their names
 * and a count, in the chat as on the command line, not with a line (and a complaint) for each.
 * Notes inside an archive are skipped without a complaint, as notes beside it are.
 */
class AlikeFilesFoldedTest {
  static final int NOTES = 60;

  @TempDir Path data;
  @TempDir Path own;

  /** A zip of {@code notes} short notes and one syslog, which is read. */
  static Path notesZip(Path dir, int notes) throws Exception {
    Path zip = dir.resolve("notes.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < notes; i++) {
        z.putNextEntry(new ZipEntry("notes/note-" + i + ".txt"));
        z.write(("Note " + i + ": the phone was on desk " + i + ".\n").getBytes(UTF8));
      }
      z.putNextEntry(new ZipEntry("cm/log/syslog.txt"));
      z.write(
          ("Jan 10 10:00:10 cucm1 100: %UC_CALLMANAGER-3-DeviceUnregistered:"
                  + " %[DeviceName=SEP001122334455]\n")
              .getBytes(UTF8));
    }
    return zip;
  }

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void theChatNamesAFewAlikeEntriesAndCountsTheRest() throws Exception {
    Path zip = notesZip(own, NOTES);
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat =
          new TerminalChat(bot.engine(), "terminal:fold", "terminal:tester", List.of(own));
      chat.turn("SEP001122334455 drops to the secondary", ProgressSink.NONE);
      String reply = chat.turn(zip.toString(), ProgressSink.NONE).plainText();

      long noteLines = reply.lines().filter(l -> l.contains("note-")).count();
      assertThat(noteLines).as(reply).isLessThanOrEqualTo(6);
      assertThat(reply).contains((NOTES - 3) + " more like it").contains("syslog.txt");
      // notes inside an archive are named as skipped, as beside it, not complained about
      assertThat(reply).doesNotContain("is not something regdoc reads");
    }
  }
}
