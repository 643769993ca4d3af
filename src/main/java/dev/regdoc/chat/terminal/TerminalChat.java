package dev.regdoc.chat.terminal;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal chat: one line in, one reply out, so it can be scripted. A line made only of paths
 * uploads those files (see {@link PathLine} and {@link FileGate} for which are read); a bare number
 * picks a numbered choice of the last reply.
 */
public final class TerminalChat {
  private static final Logger LOG = LoggerFactory.getLogger(TerminalChat.class);
  private static final String TURN_FAILED =
      "Something went wrong on my side while handling that; it has been logged. Nothing you sent"
          + " was lost.";
  private static final String YES = "files:yes";
  private static final String NO = "files:no";
  private final ChatEngine engine;
  private final String conversation;
  private final String user;
  private final FileGate gate;
  private final ClosestName closestName = new ClosestName(System.getProperty("user.home"));
  private final PictureFiles pictures;
  private final TerminalMarkdown markdown;
  private List<Block.Choice> lastChoices = List.of();

  /** Files outside the user's folders waiting for their yes. */
  private List<FileGate.Decision> awaitingYes = List.of();

  /** A chat whose user's own folders are the current directory and the home directory. */
  public TerminalChat(ChatEngine engine, String conversation, String user) {
    this(
        engine,
        conversation,
        user,
        List.of(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))));
  }

  /**
   * @param ownFolders where files are read without asking; anything else is read only after a yes
   */
  public TerminalChat(ChatEngine engine, String conversation, String user, List<Path> ownFolders) {
    this(engine, conversation, user, ownFolders, null, false);
  }

  /**
   * @param ownFolders where files are read without asking; anything else is read only after a yes
   * @param pictures where a reply's pictures are written (one folder per case inside), named by
   *     their path in the reply; null to name them only
   * @param styled true when the output is a terminal that shows bold and colour
   */
  public TerminalChat(
      ChatEngine engine,
      String conversation,
      String user,
      List<Path> ownFolders,
      Path pictures,
      boolean styled) {
    this.engine = engine;
    this.conversation = conversation;
    this.user = user;
    this.gate = new FileGate(ownFolders, System.getProperty("user.home"));
    this.pictures = pictures == null ? null : new PictureFiles(pictures);
    this.markdown = new TerminalMarkdown(styled);
  }

  /**
   * The chat of a person at this machine's terminal: their own folders are the current directory
   * and the home directory; pictures go under {@code pictures}.
   */
  public static TerminalChat atTerminal(
      ChatEngine engine, String conversation, String user, Path pictures, boolean interactive) {
    return new TerminalChat(
        engine,
        conversation,
        user,
        List.of(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))),
        pictures,
        TerminalMarkdown.styledTerminal(interactive));
  }

  public void run(BufferedReader in, PrintWriter out, boolean prompt) throws IOException {
    if (prompt) {
      out.println(
          "regdoc chat: describe the problem, name files to upload them, 'help' for more, Ctrl+D to"
              + " leave.");
    }
    for (String line = nextLine(in, out, prompt); line != null; line = nextLine(in, out, prompt)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        Reply r =
            turn(
                line.strip(),
                (text, pct) -> out.println("... " + markdown.render(DisplayNames.cleanText(text))));
        out.println(render(r));
      } catch (
          RuntimeException
              e) { // the engine answers failures itself; this is the last guard of the terminal
        LOG.error("terminal turn failed in {}", conversation, e);
        out.println(TURN_FAILED);
      }
      out.println();
      out.flush();
    }
  }

  /**
   * The reply as this terminal shows it. The user sits at the machine regdoc runs on, so a lesson's
   * files are named by their absolute path there, which opens from any working directory (the
   * launcher keeps the caller's, and a jar may run from anywhere): a path relative to the knowledge
   * base would first need the user to know where that is.
   */
  public String render(Reply r) {
    StringBuilder out = new StringBuilder();
    for (Block b : r.blocks()) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      if (b instanceof Block.Image i && pictures != null) {
        out.append(picture(r, i));
      } else if (b instanceof Block.Text t) {
        out.append(markdown.render(DisplayNames.cleanText(t.markdown())));
      } else {
        Reply one = new Reply(r.lang(), r.caseId(), List.of(b));
        out.append(markdown.render(DisplayNames.cleanText(one.plainText(engine::lessonFolder))));
      }
    }
    return out.toString();
  }

  /**
   * A picture as a terminal shows it: written to a file whose path the user can open, and its text
   * form (the ladder) right here.
   */
  private String picture(Reply r, Block.Image image) {
    boolean ja = r.lang().startsWith("ja");
    String title = image.title() == null ? image.fileName() : image.title();
    String said;
    try {
      Path file = pictures.write(r.caseId(), image);
      said = (ja ? "図: " : "Picture: ") + title + ": " + file;
    } catch (IOException | RuntimeException e) {
      LOG.warn("picture {} not written: {}", image.fileName(), e.toString());
      said =
          (ja ? "図を保存できませんでした: " : "Could not write the picture ")
              + image.fileName()
              + ": "
              + e.getMessage();
    }
    String text = image.text() == null ? "" : "\n" + image.text();
    return DisplayNames.cleanText(said + text);
  }

  /**
   * One line to the engine; remembers the reply's choices so the next line may pick one by number.
   */
  public Reply turn(String line, ProgressSink progress) {
    Reply r = answer(line.strip(), progress);
    lastChoices =
        r.blocks().stream()
            .filter(b -> b instanceof Block.Choices)
            .flatMap(b -> ((Block.Choices) b).choices().stream())
            .toList();
    return r;
  }

  private Reply answer(String line, ProgressSink progress) {
    String action = choice(line);
    List<FileGate.Decision> asked = awaitingYes;
    awaitingYes = List.of();
    if (!asked.isEmpty() && (YES.equals(action) || isYes(line))) {
      return engine.handle(uploads("", asked), progress);
    }
    if (!asked.isEmpty() && (NO.equals(action) || isNo(line))) {
      return engine.handle(filesAction("declined", asked), progress);
    }
    if (action != null) {
      return engine.handle(
          new Incoming(conversation, user, user, "", List.of(), action, null), progress);
    }
    Optional<List<String>> paths = PathLine.paths(line);
    List<FileGate.Decision> decisions =
        paths.map(p -> p.stream().map(gate::decide).toList()).orElse(List.of());
    if (decisions.stream().allMatch(d -> d.verdict() == FileGate.Verdict.MISSING)
        && (decisions.isEmpty() || !closestName.meantFiles(paths.get()))) {
      return engine.handle(
          Incoming.text(conversation, user, line),
          progress); // not files: words that look like paths (a host name, an address)
    }
    return files(decisions, progress);
  }

  /**
   * Refusals first, then the upload of what may be read, then the question about the rest: one
   * reply.
   */
  private Reply files(List<FileGate.Decision> decisions, ProgressSink progress) {
    List<Reply> replies = new ArrayList<>();
    List<FileGate.Decision> missing = new ArrayList<>();
    for (FileGate.Decision d : only(decisions, FileGate.Verdict.MISSING)) {
      Optional<String> near = closestName.closest(d.typed());
      if (near.isPresent()) {
        replies.add(engine.handle(closestAction(d.typed(), near.get()), progress));
      } else {
        missing.add(d);
      }
    }
    if (!missing.isEmpty()) {
      replies.add(engine.handle(filesAction("missing", missing), progress));
    }
    List<FileGate.Decision> refused = only(decisions, FileGate.Verdict.REFUSED);
    if (!refused.isEmpty()) {
      replies.add(engine.handle(filesAction("refused", refused), progress));
    }
    List<FileGate.Decision> read = only(decisions, FileGate.Verdict.READ);
    if (!read.isEmpty()) {
      replies.add(engine.handle(uploads("", read), progress));
    }
    List<FileGate.Decision> ask = only(decisions, FileGate.Verdict.ASK);
    if (!ask.isEmpty()) {
      replies.add(engine.handle(filesAction("ask", ask), progress));
      awaitingYes = ask;
    }
    Reply last = replies.get(replies.size() - 1);
    return new Reply(
        last.lang(), last.caseId(), replies.stream().flatMap(r -> r.blocks().stream()).toList());
  }

  private static List<FileGate.Decision> only(
      List<FileGate.Decision> decisions, FileGate.Verdict v) {
    return decisions.stream().filter(d -> d.verdict() == v).toList();
  }

  private Incoming uploads(String text, List<FileGate.Decision> files) {
    List<Upload> uploads =
        files.stream().map(d -> new Upload(d.name(), size(d.file()), d.file())).toList();
    return new Incoming(conversation, user, user, text, uploads, null, null);
  }

  /**
   * Tells the conversation what happened to files it never receives, so it says so in the user's
   * language.
   */
  private Incoming filesAction(String what, List<FileGate.Decision> files) {
    String names =
        files.stream().map(d -> DisplayNames.clean(d.typed())).collect(Collectors.joining(", "));
    return new Incoming(
        conversation, user, user, "", List.of(), "files:" + what + ":" + names, null);
  }

  /** A typed path that names no file, and the existing name closest to it. */
  private Incoming closestAction(String typed, String closest) {
    return new Incoming(
        conversation,
        user,
        user,
        "",
        List.of(),
        "files:closest:" + DisplayNames.clean(typed) + "|" + DisplayNames.clean(closest),
        null);
  }

  /** The action of the numbered choice {@code line} picks, or null. */
  private String choice(String line) {
    if (line.matches("\\d{1,2}")) {
      int n = Integer.parseInt(line);
      if (n >= 1 && n <= lastChoices.size()) {
        return lastChoices.get(n - 1).action();
      }
    }
    return null;
  }

  private static boolean isYes(String line) {
    return line.toLowerCase(Locale.ROOT).matches("y|yes|ok|はい|うん");
  }

  private static boolean isNo(String line) {
    return line.toLowerCase(Locale.ROOT).matches("n|no|いいえ|いや");
  }

  /** Shows the prompt when interactive, then reads the next line (null at the end of the input). */
  private static String nextLine(BufferedReader in, PrintWriter out, boolean prompt)
      throws IOException {
    if (prompt) {
      out.print("> ");
      out.flush();
    }
    return in.readLine();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
