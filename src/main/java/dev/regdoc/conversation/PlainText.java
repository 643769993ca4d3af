package dev.regdoc.conversation;

import dev.regdoc.common.DisplayNames;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders a reply as plain text: the terminal chat and the text of transcripts. */
final class PlainText {
  private PlainText() {}

  /**
   * @param lessonFolders where a lesson's files are on this machine; empty to name them only
   */
  static String render(Reply reply, Function<String, Optional<Path>> lessonFolders) {
    StringBuilder out = new StringBuilder();
    for (Block b : reply.blocks()) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(
          b instanceof Block.LessonFiles l
              ? lessonFiles(l, lessonFolders.apply(l.lesson()))
              : block(b));
    }
    return DisplayNames.cleanText(out.toString());
  }

  private static String block(Block b) {
    if (b instanceof Block.Text t) {
      return t.markdown().replace("**", "");
    } else if (b instanceof Block.Choices c) {
      return choices(c);
    } else if (b instanceof Block.Step s) {
      return s.order()
          + ". "
          + s.title()
          + " ["
          + s.state()
          + "]\n   "
          + s.why()
          + s.how().stream().map(h -> "\n   - " + h).collect(Collectors.joining());
    } else if (b instanceof Block.FindingCard f) {
      return finding(f);
    } else if (b instanceof Block.FileStatus f) {
      return "* "
          + f.name()
          + " ("
          + f.looksLike()
          + (f.skipped() ? ": " + f.skippedMark() + ")" : ")")
          + (f.read() || f.skipped() ? "" : " " + f.notRead())
          + f.problems().stream().map(p -> "\n    ! " + p).collect(Collectors.joining());
    } else if (b instanceof Block.Preformatted p) {
      return p.text().stripTrailing();
    } else if (b instanceof Block.Image i) {
      return "[picture: " + i.fileName() + " - " + i.title() + "]";
    } else if (b instanceof Block.Attachment a) {
      return "[file: " + a.fileName() + "]";
    }
    throw new IllegalArgumentException("unknown block " + b);
  }

  /** One line per file: its path when the folder is known, else its name. */
  private static String lessonFiles(Block.LessonFiles l, Optional<Path> folder) {
    return l.files().stream()
        .map(f -> "- " + folder.map(dir -> dir.resolve(f).toString()).orElse(f))
        .collect(Collectors.joining("\n"));
  }

  private static String choices(Block.Choices c) {
    StringBuilder out = new StringBuilder(c.prompt() == null ? "" : c.prompt() + "\n");
    int i = 1;
    for (Block.Choice ch : c.choices()) {
      out.append("  [").append(i++).append("] ").append(ch.label()).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String finding(Block.FindingCard f) {
    StringBuilder out = new StringBuilder();
    out.append(f.rank())
        .append(". ")
        .append(f.title())
        .append("\n   ")
        .append(f.device())
        .append(" · ")
        .append(f.code())
        .append(" · ")
        .append(f.confidencePercent())
        .append('%');
    if (f.causedBy() != null) {
      out.append(" · ← ").append(f.causedBy());
    }
    out.append("\n   ").append(f.explanation());
    f.ruledOut()
        .forEach(
            r ->
                out.append("\n   ")
                    .append(r.text())
                    .append(r.where().isEmpty() ? "" : " (" + String.join("; ", r.where()) + ")"));
    f.evidence()
        .forEach(
            e ->
                out.append("\n     - ")
                    .append(e.where())
                    .append(e.time() == null ? "" : " " + e.time())
                    .append(": ")
                    .append(e.note()));
    int i = 1;
    for (String step : f.fix()) {
      out.append("\n     ").append(i++).append(") ").append(step);
    }
    return out.toString();
  }
}
