package dev.regdoc.chat.terminal;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal chat: one line in, one reply out, so it can be scripted. Words of a line that name existing files
 * are uploaded; a bare number picks a numbered choice of the last reply.
 */
public final class TerminalChat {
  private static final Logger LOG = LoggerFactory.getLogger(TerminalChat.class);
  private static final String TURN_FAILED =
      "Something went wrong on my side while handling that; it has been logged. Nothing you sent was lost.";
  private final ChatEngine engine;
  private final String conversation;
  private final String user;
  private List<Block.Choice> lastChoices = List.of();

  public TerminalChat(ChatEngine engine, String conversation, String user) {
    this.engine = engine;
    this.conversation = conversation;
    this.user = user;
  }

  public TerminalChat(ChatEngine engine, String conversation, String user, List<Path> ownFolders) {
    this(engine, conversation, user);
  }

  public void run(BufferedReader in, PrintWriter out, boolean prompt) throws IOException {
    if (prompt) {
      out.println("regdoc chat: describe the problem, name files to upload them, 'help' for more, Ctrl+D to leave.");
    }
    for (String line = nextLine(in, out, prompt); line != null; line = nextLine(in, out, prompt)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        Reply r = turn(line.strip(), (text, pct) -> out.println("... " + DisplayNames.cleanText(text)));
        out.println(DisplayNames.cleanText(r.plainText()));
      } catch (RuntimeException e) { // the engine answers failures itself; this is the last guard of the terminal
        LOG.error("terminal turn failed in {}", conversation, e);
        out.println(TURN_FAILED);
      }
      out.println();
      out.flush();
    }
  }

  /** One line to the engine; remembers the reply's choices so the next line may pick one by number. */
  public Reply turn(String line, dev.regdoc.conversation.ProgressSink progress) {
    Reply r = engine.handle(incoming(line), progress);
    lastChoices = r.blocks().stream().filter(b -> b instanceof Block.Choices).flatMap(b -> ((Block.Choices) b).choices().stream()).toList();
    return r;
  }

  /** Shows the prompt when interactive, then reads the next line (null at the end of the input). */
  private static String nextLine(BufferedReader in, PrintWriter out, boolean prompt) throws IOException {
    if (prompt) {
      out.print("> ");
      out.flush();
    }
    return in.readLine();
  }

  /** A number picks a choice; existing paths become uploads; the rest is the text. */
  Incoming incoming(String line) {
    if (line.matches("\\d{1,2}")) {
      int n = Integer.parseInt(line);
      if (n >= 1 && n <= lastChoices.size()) {
        return new Incoming(conversation, user, user, "", List.of(), lastChoices.get(n - 1).action(), null);
      }
    }
    List<Upload> uploads = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String word : line.split("\\s+")) {
      Path p = pathOf(word);
      if (p != null) {
        uploads.add(new Upload(p.getFileName().toString(), size(p), p));
      } else {
        text.append(text.isEmpty() ? "" : " ").append(word);
      }
    }
    return new Incoming(conversation, user, user, text.toString(), uploads, null, null);
  }

  private static Path pathOf(String word) {
    if (!word.contains("/") && !word.contains(".")) {
      return null;
    }
    try {
      Path p = Path.of(word.replaceFirst("^~", System.getProperty("user.home")));
      return Files.isRegularFile(p) ? p : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
