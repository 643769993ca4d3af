package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped logging: standard error is the terminal the chat runs in, so a failed turn shows one
 * line there and its stack trace only in the log file.
 */
class LogConfigTest {
  @TempDir Path dir;

  @Test
  void aFailedTurnPutsItsStackTraceInTheLogFileNotOnTheTerminal() throws Exception {
    Path logFile = dir.resolve("regdoc.log");
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    LoggerContext ctx = new LoggerContext();
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    try {
      ctx.setMDCAdapter(new LogbackMDCAdapter());
      ctx.putProperty("REGDOC_LOG_FILE", logFile.toString());
      JoranConfigurator config = new JoranConfigurator();
      config.setContext(ctx);
      config.doConfigure(LogConfigTest.class.getResource("/logback.xml"));
      ctx.getLogger("dev.regdoc.conversation.ConversationEngine")
          .error(
              "turn failed in {}",
              "terminal:alice",
              new NumberFormatException("For input string: \"999\""));
    } finally {
      ctx.stop();
      System.setErr(stderr);
    }
    String shown = terminal.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .contains("turn failed in terminal:alice")
        .doesNotContain("\tat ")
        .hasLineCount(1);
    assertThat(Files.readString(logFile))
        .contains("turn failed in terminal:alice")
        .contains("NumberFormatException")
        .contains("\tat ");
  }
}
