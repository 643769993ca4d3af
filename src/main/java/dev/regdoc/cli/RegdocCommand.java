package dev.regdoc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
      ExplainCommand.class
    })
public final class RegdocCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    // the command line as built, with the subcommands a tool added (the bench)
    spec.commandLine().usage(System.out);
  }
}
