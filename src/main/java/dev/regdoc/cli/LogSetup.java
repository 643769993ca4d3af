package dev.regdoc.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.util.Map;

/**
 * regdoc's logging, set up in code (found by logback as a {@link Configurator} service) instead of
 * an XML file: parsing the XML cost a command about 400 classes (logback's Joran and the JDK's XML
 * parser) before its first line of work. An operator's own file named by {@code
 * -Dlogback.configurationFile}, or a {@code logback-test.xml} on the class path (the tests'), still
 * takes over.
 *
 * <p>Standard error is the terminal the chat runs in: one line per event there, never a stack
 * trace; the whole event, stack trace included, goes to the log file ({@code REGDOC_LOG_FILE},
 * default {@code ~/.regdoc/regdoc.log}, 10 MB, three kept). {@code REGDOC_LOG_LEVEL} sets the level
 * (default WARN). Both are read as logback reads a variable: context, system property, environment.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String TERMINAL_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n%nopex";
  static final String FILE_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX, UTC} %-5level [%thread] %logger - %msg%n";

  /** The rule engine and the capture library are told only what goes wrong. */
  private static final Map<String, Level> QUIET =
      Map.of(
          "org.pcap4j", Level.WARN,
          "org.drools", Level.WARN,
          "org.kie", Level.WARN,
          "org.drools.mvel", Level.ERROR,
          "org.drools.base.reteoo", Level.ERROR,
          "org.drools.base.rule", Level.ERROR,
          "org.drools.compiler.kie.builder.impl.KieBuilderImpl", Level.ERROR,
          "org.drools.compiler.kie.builder.impl.KieProject", Level.OFF);

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an operator's file, or the tests' own
    }
    setUp(ctx);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The appenders and levels described above. */
  static void setUp(LoggerContext ctx) {
    // failing to open the log file (read-only home) must not print logback's own errors in the chat
    NopStatusListener quiet = new NopStatusListener();
    ctx.getStatusManager().add(quiet);

    String file =
        variable(ctx, "REGDOC_LOG_FILE", System.getProperty("user.home") + "/.regdoc/regdoc.log");
    OnFirstEvent<ILoggingEvent> terminal = new OnFirstEvent<>("STDERR", () -> terminal(ctx));
    terminal.setContext(ctx);
    terminal.start();
    OnFirstEvent<ILoggingEvent> log = new OnFirstEvent<>("FILE", () -> file(ctx, file));
    log.setContext(ctx);
    log.start();

    QUIET.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(variable(ctx, "REGDOC_LOG_LEVEL", "WARN"), Level.WARN));
    root.addAppender(terminal);
    root.addAppender(log);
  }

  private static ConsoleAppender<ILoggingEvent> terminal(LoggerContext ctx) {
    ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
    terminal.setContext(ctx);
    terminal.setName("STDERR");
    terminal.setTarget("System.err");
    terminal.setEncoder(encoder(ctx, TERMINAL_PATTERN));
    terminal.start();
    return terminal;
  }

  private static RollingFileAppender<ILoggingEvent> file(LoggerContext ctx, String file) {
    RollingFileAppender<ILoggingEvent> log = new RollingFileAppender<>();
    log.setContext(ctx);
    log.setName("FILE");
    log.setFile(file);
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(ctx);
    rolling.setParent(log);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(3);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
    size.setContext(ctx);
    size.setMaxFileSize(FileSize.valueOf("10MB"));
    size.start();
    log.setRollingPolicy(rolling);
    log.setTriggeringPolicy(size);
    log.setEncoder(encoder(ctx, FILE_PATTERN));
    log.start();
    return log;
  }

  private static PatternLayoutEncoder encoder(Context ctx, String pattern) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(pattern);
    e.start();
    return e;
  }

  /**
   * As logback resolves {@code ${NAME:-fallback}}: the context, a system property, the environment.
   */
  static String variable(Context ctx, String name, String fallback) {
    String v = ctx.getProperty(name);
    if (v == null) {
      v = System.getProperty(name);
    }
    if (v == null) {
      v = System.getenv(name);
    }
    return v == null ? fallback : v;
  }
}
