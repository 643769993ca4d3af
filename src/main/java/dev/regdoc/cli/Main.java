package dev.regdoc.cli;

import picocli.CommandLine;

/** Entry point of the regdoc command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs regdoc with {@code args}; returns the exit code. Unexpected errors get one line, no stack
   * trace.
   */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new RegdocCommand());
    cli.setExecutionExceptionHandler(
        (ex, line, parse) -> {
          org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
          line.getErr()
              .println(
                  "regdoc: "
                      + (ex.getMessage() == null
                          ? ex.getClass().getSimpleName()
                          : ex.getMessage()));
          return 1;
        });
    return cli.execute(args);
  }
}
