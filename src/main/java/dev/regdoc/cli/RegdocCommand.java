package dev.regdoc.cli;

import picocli.CommandLine.Command;

/** The top-level command; everything is a subcommand. */
@Command(
    name = "regdoc",
    mixinStandardHelpOptions = true,
    version = "regdoc 0.1.0",
    description =
        "Troubleshoots Cisco IP phones that unregister from CUCM, from captures, syslog and"
            + " configs.",
    subcommands = {
      ServeCommand.class,
      ChatCommand.class,
      TimelineCommand.class,
      AnalyzeCommand.class,
      ExplainCommand.class,
      BenchCommand.class
    })
public final class RegdocCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
