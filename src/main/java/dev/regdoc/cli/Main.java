package dev.regdoc.cli;

import java.util.List;
import org.slf4j.LoggerFactory;
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
    return run(List.of(), args);
  }

  /**
   * Runs regdoc with {@code args} and the {@code extra} picocli commands of a tool that ships apart
   * from the product (the bench).
   */
  public static int run(List<Object> extra, String... args) {
    CommandLine cli = new CommandLine(new RegdocCommand());
    extra.forEach(cli::addSubcommand);
    cli.setExecutionExceptionHandler(
        (ex, line, parse) -> {
          LoggerFactory.getLogger(Main.class).debug("command failed", ex);
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
