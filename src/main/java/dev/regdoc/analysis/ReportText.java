package dev.regdoc.analysis;

import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.FileReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The findings as plain text or Markdown, most likely root cause first. */
public final class ReportText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final int MAX_EVIDENCE = 8;

  private ReportText() {}

  public static String render(Analysis a, FindingTexts texts, String lang, boolean markdown) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Finding f : a.findings()) {
      finding(n++, f, texts.textOf(f, lang), e -> texts.note(e, lang), markdown, out);
    }
    files(a.files(), markdown, out);
    return out.toString();
  }

  private static void finding(int n, Finding f, FindingText t, java.util.function.Function<Evidence, String> note, boolean md,
      StringBuilder out) {
    out.append(md ? "## " : "").append(n).append(". ").append(t.title())
        .append(md ? "\n\n" : "\n").append(md ? "**" : "   ").append(f.device()).append(md ? "**" : "")
        .append(" · ").append(f.code()).append(" · confidence ").append(Math.round(f.confidence() * 100)).append('%');
    if (f.causedBy() != null) {
      out.append(" · caused by ").append(f.causedBy());
    }
    out.append(md ? "\n\n" : "\n").append(md ? "" : "   ").append(t.explanation()).append(md ? "\n\n" : "\n");
    evidence(f.evidence(), note, md, out);
    if (!t.fix().isEmpty()) {
      out.append(md ? "\n**Fix**\n\n" : "   Fix:\n");
      int i = 1;
      for (String step : t.fix()) {
        out.append(md ? i + ". " : "     " + i + ". ").append(step).append('\n');
        i++;
      }
    }
    out.append('\n');
  }

  private static void evidence(List<Evidence> evidence, java.util.function.Function<Evidence, String> note, boolean md,
      StringBuilder out) {
    if (evidence.isEmpty()) {
      return;
    }
    out.append(md ? "**Evidence**\n\n" : "   Evidence:\n");
    evidence.stream().limit(MAX_EVIDENCE).forEach(e -> out.append(md ? "- " : "     - ").append(cite(e))
        .append(e.time() == null ? "" : " " + TIME.format(e.time())).append(": ").append(note.apply(e)).append('\n'));
    if (evidence.size() > MAX_EVIDENCE) {
      out.append(md ? "- " : "     - ").append("... ").append(evidence.size() - MAX_EVIDENCE).append(" more (see --format json)\n");
    }
  }

  static String cite(Evidence e) {
    if (!e.frames().isEmpty()) {
      return e.file() + " frame" + (e.frames().size() > 1 ? "s " : " ")
          + e.frames().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return e.line() > 0 ? e.file() + " line " + e.line() : e.file();
  }

  private static void files(List<FileReport> files, boolean md, StringBuilder out) {
    out.append(md ? "### Files\n\n" : "Files:\n");
    for (FileReport f : files) {
      out.append(md ? "- " : "  ").append(f.file()).append(" (").append(f.looksLike()).append(")")
          .append(f.read() ? "" : " NOT READ").append('\n');
      f.problems().forEach(p -> out.append(md ? "  - " : "    ! ").append(p).append('\n'));
    }
  }
}
