package dev.regdoc.cli;

import dev.regdoc.bot.BotRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * regdoc chat: the conversation in the terminal, reading standard input line by line (scriptable).
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description =
        "Chat with regdoc in the terminal: describe the problem, name files to upload them, ask"
            + " questions.")
final class ChatCommand implements Callable<Integer> {
  @Mixin ConfigOption config = new ConfigOption();

  @Option(names = "--user", description = "Who is talking (default: $USER)")
  String user = System.getProperty("user.name", "engineer");

  @Option(
      names = "--conversation",
      description =
          "Conversation name; the same name continues the same case (default: terminal:USER)")
  String conversation;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (BotRuntime bot = CliBot.start(config.load())) {
      CliBot.chatInTerminal(
          bot, conversation, user, spec.commandLine().getOut(), System.console() != null);
      return 0;
    }
  }
}
