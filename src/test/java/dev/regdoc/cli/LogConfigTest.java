package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
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
      LogSetup.setUp(ctx);
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

  @Test
  void logbackFindsTheSetupAndTheRuleEngineIsToldOnlyWhatGoesWrong() {
    assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof LogSetup);
    LoggerContext ctx = new LoggerContext();
    try {
      ctx.putProperty("REGDOC_LOG_FILE", dir.resolve("regdoc.log").toString());
      ctx.putProperty("REGDOC_LOG_LEVEL", "INFO");
      LogSetup.setUp(ctx);
      assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
      assertThat(ctx.getLogger("org.drools.mvel").getEffectiveLevel()).isEqualTo(Level.ERROR);
      assertThat(ctx.getLogger("org.drools.compiler.kie.builder.impl.KieProject").getLevel())
          .isEqualTo(Level.OFF);
      assertThat(ctx.getLogger("org.pcap4j.core").getEffectiveLevel()).isEqualTo(Level.WARN);
    } finally {
      ctx.stop();
    }
  }
}
