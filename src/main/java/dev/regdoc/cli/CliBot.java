package dev.regdoc.cli;

import dev.regdoc.analysis.Locations;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.charts.ChartIllustrator;
import dev.regdoc.chat.terminal.TerminalChat;
import dev.regdoc.knowledge.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The bot as the commands run it, so that chat and serve answer alike: installed knowledge base and
 * rules, charts, UTC.
 */
final class CliBot {
  private CliBot() {}

  static BotRuntime start(BotConfig config) {
    Path kb = KnowledgeBase.defaultDirectory();
    return BotRuntime.start(
        config, kb, Locations.rules(), ChartIllustrator::new, Clock.systemUTC());
  }

  /**
   * The terminal chat on standard input until it ends.
   *
   * @param conversation the conversation to continue (null: the user's terminal conversation)
   */
  static void chatInTerminal(
      BotRuntime bot, String conversation, String user, PrintWriter out, boolean interactive)
      throws IOException {
    String who = "terminal:" + user;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Path pictures = bot.store().settings().dataDir().resolve("pictures");
    TerminalChat.atTerminal(
            bot.engine(), conversation != null ? conversation : who, who, pictures, interactive)
        .run(in, out, interactive);
  }
}
