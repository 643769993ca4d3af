package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import dev.regdoc.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that carry terminal controls (zip entries, file names) reach the user cleaned, in the chat
 * and the CLI.
 */
class ControlCharacterNamesTest {
  /**
   * ESC sequences that would recolour or clear the terminal, a forged line, a C1 CSI and a
   * right-to-left override.
   */
  private static final String EVIL =
      "red\u001b[31m\u001b[2J\r\nregdoc: all good\u009b1m\u202egol.txt";

  private static final String LOG =
      "Dec  3 09:00:00 cucm1 ccm: %CCM_CALLMANAGER-CALLMANAGER-3-DeviceUnregistered: "
          + "DeviceName=SEP0024142DDF24 Reason=13\n";

  @TempDir Path data;
  @TempDir Path own;

  private Path evilZip() throws Exception {
    Path zip = own.resolve("bundle.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry(EVIL));
      z.write(LOG.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return zip;
  }

  private static void assertClean(String shown) {
    assertThat(shown)
        .doesNotContain("\u001b")
        .doesNotContain("\r")
        .doesNotContain("\u009b")
        .doesNotContain("\u202e")
        .doesNotContain("\nregdoc: all good");
  }

  @Test
  void aZipEntryNameIsShownCleanedInTheChat() throws Exception {
    Path zip = evilZip();
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat =
          new TerminalChat(bot.engine(), "terminal:names", "terminal:tester", List.of(own));
      chat.turn("SEP0024142DDF24 drops to the secondary every 16 minutes", ProgressSink.NONE);
      String reply = chat.turn(zip.toString(), ProgressSink.NONE).plainText();
      assertThat(reply)
          .contains("Got 1 file")
          .contains("bundle.zip!/red?[31m?[2J??regdoc: all good?1m?gol.txt");
      assertClean(reply);
    }
  }

  @Test
  void anUploadedFileNameIsShownCleanedInTheChat() throws Exception {
    Path file = Files.writeString(own.resolve("a\u001b]0;owned\u0007b.log"), LOG);
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat chat =
          new TerminalChat(bot.engine(), "terminal:names2", "terminal:tester", List.of(own));
      chat.turn("SEP0024142DDF24 drops to the secondary every 16 minutes", ProgressSink.NONE);
      String reply = chat.turn(file.toString(), ProgressSink.NONE).plainText();
      assertThat(reply).contains("Got 1 file").contains("a?]0;owned?b.log");
      assertClean(reply);
    }
  }

  @Test
  void theCommandLineReportShowsCleanedEntryNames() throws Exception {
    Path zip = evilZip();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
      Main.run("analyze", zip.toString(), "--rules", Path.of("rules").toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("bundle.zip!/red?[31m");
    assertClean(shown);
  }
}
