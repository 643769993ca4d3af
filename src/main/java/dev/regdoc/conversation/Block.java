package dev.regdoc.conversation;

import java.util.List;

/**
 * A platform-neutral piece of a reply; each front end renders it its own way (HTML in the web chat,
 * Block Kit in Slack, plain lines in the terminal).
 */
public sealed interface Block {

  /**
   * Prose. A small Markdown subset only: paragraphs, "- " bullet lines, "1. " numbered lines,
   * **bold** and `code`.
   */
  record Text(String markdown) implements Block {}

  /**
   * Buttons (the web chat, Slack) or numbered choices (the terminal: the user types the number).
   */
  record Choices(String prompt, List<Choice> choices) implements Block {
    public Choices {
      choices = List.copyOf(choices);
    }
  }

  /** One button: the action id comes back in {@link Incoming#action()}. */
  record Choice(String action, String label) {}

  /** One checklist step with what to collect, why and how, and its state. */
  record Step(String id, int order, String title, String why, List<String> how, String state)
      implements Block {
    public Step {
      how = List.copyOf(how);
    }
  }

  /**
   * One ranked finding, with its texts already in the user's language, and the rivals it ruled out.
   */
  record FindingCard(
      int rank,
      String code,
      String tier,
      int confidencePercent,
      String device,
      String causedBy,
      String title,
      String explanation,
      List<String> fix,
      List<EvidenceLine> evidence,
      List<RuledOutLine> ruledOut)
      implements Block {
    public FindingCard {
      fix = List.copyOf(fix);
      evidence = List.copyOf(evidence);
      ruledOut = List.copyOf(ruledOut);
    }

    public FindingCard(
        int rank,
        String code,
        String tier,
        int confidencePercent,
        String device,
        String causedBy,
        String title,
        String explanation,
        List<String> fix,
        List<EvidenceLine> evidence) {
      this(
          rank,
          code,
          tier,
          confidencePercent,
          device,
          causedBy,
          title,
          explanation,
          fix,
          evidence,
          List.of());
    }
  }

  /**
   * A rival a finding beat.
   *
   * @param text "Not (rival), because (why).", in the user's language
   * @param where the citations that show it, e.g. "switch-config.txt line 5"
   */
  record RuledOutLine(String code, String text, List<String> where) {
    public RuledOutLine {
      where = List.copyOf(where);
    }
  }

  /**
   * Where a finding's proof is.
   *
   * @param where "phone.pcap frames 8, 13" or "switch-config.txt line 5"
   * @param time ISO-8601 UTC, or null for untimed evidence such as a configuration line
   */
  record EvidenceLine(String where, String time, String note) {}

  /**
   * What happened to each file of an upload (read, partly read, refused, and why).
   *
   * @param skipped not read because it is neither a log nor a configuration (notes, a README):
   *     named, not complained about
   * @param notRead how the reply's language marks a file not read (answer-words.yaml)
   * @param skippedMark how the reply's language marks a file skipped (answer-words.yaml)
   */
  record FileStatus(
      String name,
      String looksLike,
      boolean read,
      long sizeBytes,
      List<String> problems,
      boolean skipped,
      String notRead,
      String skippedMark)
      implements Block {
    /** English's marks, for a status built without the knowledge base's words. */
    static final String NOT_READ_EN = "NOT READ";

    static final String SKIPPED_EN = "skipped";

    public FileStatus {
      problems = List.copyOf(problems);
    }

    public FileStatus(
        String name,
        String looksLike,
        boolean read,
        long sizeBytes,
        List<String> problems,
        boolean skipped) {
      this(name, looksLike, read, sizeBytes, problems, skipped, NOT_READ_EN, SKIPPED_EN);
    }

    public FileStatus(
        String name, String looksLike, boolean read, long sizeBytes, List<String> problems) {
      this(name, looksLike, read, sizeBytes, problems, false);
    }
  }

  /**
   * Text whose lines and columns matter (a timeline, a configuration excerpt): shown as it is, in a
   * fixed-width font, never parsed as Markdown.
   */
  record Preformatted(String text) implements Block {}

  /**
   * A picture (PNG), e.g. a timeline chart or a ladder diagram.
   *
   * @param text the same picture as plain text for a terminal (the ladder), or null when it has
   *     none
   */
  record Image(String fileName, String title, byte[] png, String text) implements Block {

    public Image(String fileName, String title, byte[] png) {
      this(fileName, title, png, null);
    }
  }

  /**
   * The files a lesson ships with, by name. Each front end offers them its own way: the terminal
   * names where they are on this machine, the web chat links each for download, Slack uploads them
   * to the thread ({@link ChatEngine#lessonFile}). The block itself holds no path: a reply may be
   * stored, or shown on another machine.
   */
  record LessonFiles(String lesson, List<String> files) implements Block {
    public LessonFiles {
      files = List.copyOf(files);
    }
  }

  /** A longer document sent as a file (the full report where a platform limits message size). */
  record Attachment(String fileName, String mimeType, byte[] content) implements Block {}
}
