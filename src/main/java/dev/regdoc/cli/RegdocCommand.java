package dev.regdoc.cli;

import java.util.List;
import picocli.CommandLine;
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
            + " configs.")
public final class RegdocCommand implements Runnable {
  /** The subcommands' names, in the order the usage lists them. */
  private static final List<String> SUBCOMMANDS =
      List.of("serve", "chat", "timeline", "analyze", "explain");

  @Spec CommandSpec spec;

  /** regdoc with every subcommand. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RegdocCommand());
    SUBCOMMANDS.forEach(name -> cli.addSubcommand(create(name)));
    return cli;
  }

  /**
   * regdoc for these arguments: when the first names a subcommand, only that one. Picocli builds
   * the model of every command it is given by reflection, a fifth of a short command's start; the
   * others cannot be reached from a command line that starts with a subcommand's name. Anything
   * else (no arguments, an option, an unknown name) gets every subcommand, for the usage and for
   * the suggestions.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length == 0 || !SUBCOMMANDS.contains(args[0])) {
      return commandLine();
    }
    // explain starts reading the knowledge base before picocli builds anything
    Object command = "explain".equals(args[0]) ? ExplainCommand.readingAhead() : create(args[0]);
    CommandLine cli = new CommandLine(new RegdocCommand());
    cli.addSubcommand(command);
    return cli;
  }

  /** A new subcommand; a switch, not constructor references, which would load every class. */
  private static Object create(String name) {
    return switch (name) {
      case "serve" -> new ServeCommand();
      case "chat" -> new ChatCommand();
      case "timeline" -> new TimelineCommand();
      case "analyze" -> new AnalyzeCommand();
      case "explain" -> new ExplainCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  @Override
  public void run() {
    // the command line as built, with the subcommands a tool added (the bench)
    spec.commandLine().usage(System.out);
  }
}
