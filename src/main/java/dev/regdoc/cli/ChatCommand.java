package dev.regdoc.cli;

import dev.regdoc.analysis.Locations;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import dev.regdoc.conversation.Illustrator;
import dev.regdoc.knowledge.KnowledgeBase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** regdoc chat: the conversation in the terminal, reading standard input line by line (scriptable). */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Chat with regdoc in the terminal: describe the problem, name files to upload them, ask questions.")
final class ChatCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML config (see bot/regdoc.example.yaml)")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where cases and files are kept (default ~/.regdoc)")
  Path dataDir;

  @Option(names = "--user", description = "Who is talking (default: $USER)")
  String user = System.getProperty("user.name", "engineer");

  @Option(names = "--conversation", description = "Conversation name; the same name continues the same case (default: terminal:USER)")
  String conversation;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (dataDir != null) {
      System.setProperty("regdoc.data.dir", dataDir.toString());
    }
    try (BotRuntime bot = BotRuntime.start(BotConfig.load(config), KnowledgeBase.defaultDirectory(), Locations.rules(), new dev.regdoc.charts.ChartIllustrator(dev.regdoc.analysis.KnowledgeTexts.load(KnowledgeBase.defaultDirectory())),
        Clock.systemUTC())) {
      PrintWriter out = spec.commandLine().getOut();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      new TerminalChat(bot.engine(), conversation != null ? conversation : "terminal:" + user, "terminal:" + user)
          .run(in, out, System.console() != null);
      return 0;
    }
  }
}
