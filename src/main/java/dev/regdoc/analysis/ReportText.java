package dev.regdoc.analysis;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.facts.FileReport;
import dev.regdoc.timeline.FileListFold;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The findings as plain text or Markdown, most likely root cause first. */
public final class ReportText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final int MAX_EVIDENCE = 8;

  private ReportText() {}

  /** The report's own words, per language. */
  /** The report's own words in one language, from the knowledge base's answer words. */
  private record Labels(
      String evidence,
      String fix,
      String confidence,
      String causedBy,
      String files,
      String notRead,
      String skipped) {
    static Labels of(FindingTexts texts, String lang) {
      return new Labels(
          texts.word("report-evidence", lang),
          texts.word("report-fix", lang),
          texts.word("report-confidence", lang),
          texts.word("report-caused-by", lang),
          texts.word("report-files", lang),
          texts.word("report-not-read", lang),
          texts.word("report-skipped", lang));
    }
  }

  /**
   * Summaries first (one per cause many phones share), then the findings not summarised, then the
   * files. Every finding is listed when the analysis has no summaries ({@link
   * Analysis#unsummarised()}, one device).
   */
  public static String render(Analysis a, FindingTexts texts, String lang, boolean markdown) {
    StringBuilder out = new StringBuilder();
    if (a.partial()) {
      String where =
          a.stopped().file() != null
              ? texts.word("report-while-reading", lang, a.stopped().file())
              : texts.word("report-while-judging", lang);
      out.append(texts.word("report-partial", lang, a.stopped().limit().toSeconds(), where))
          .append("\n\n");
    }
    int n = 1;
    for (CauseSummary s : a.summaries()) {
      summary(n++, s, texts.summaryOf(s, lang), markdown, out);
    }
    if (!a.summaries().isEmpty()) {
      out.append(markdown ? "_" : "")
          .append(texts.summarised(a.summarisedFindings(), lang))
          .append(markdown ? "_\n\n" : "\n\n");
    }
    for (Finding f : a.listedFindings()) {
      finding(n++, f, texts, lang, markdown, out);
    }
    files(a.files(), texts, lang, markdown, out);
    return DisplayNames.cleanText(
        out.toString()); // names and log text from the files reach a terminal
  }

  private static void finding(
      int n, Finding f, FindingTexts texts, String lang, boolean md, StringBuilder out) {
    FindingText t = texts.textOf(f, lang);
    Labels l = Labels.of(texts, lang);
    out.append(md ? "## " : "")
        .append(n)
        .append(". ")
        .append(t.title())
        .append(md ? "\n\n" : "\n")
        .append(md ? "**" : "   ")
        .append(f.device())
        .append(md ? "**" : "")
        .append(" · ")
        .append(f.code())
        .append(" · ")
        .append(l.confidence())
        .append(' ')
        .append(Math.round(f.confidence() * 100))
        .append('%');
    if (f.causedBy() != null) {
      out.append(" · ").append(l.causedBy()).append(' ').append(f.causedBy());
    }
    out.append(md ? "\n\n" : "\n")
        .append(md ? "" : "   ")
        .append(t.explanation())
        .append(md ? "\n\n" : "\n");
    ruledOut(f, texts, lang, md, out);
    evidence(f.evidence(), texts, lang, l, md, out);
    if (!t.fix().isEmpty()) {
      out.append(md ? "\n**" + l.fix() + "**\n\n" : "   " + l.fix() + ":\n");
      int i = 1;
      for (String step : t.fix()) {
        out.append(md ? i + ". " : "     " + i + ". ").append(step).append('\n');
        i++;
      }
    }
    out.append('\n');
  }

  private static void summary(int n, CauseSummary s, SummaryText t, boolean md, StringBuilder out) {
    out.append(md ? "## " : "")
        .append(n)
        .append(". ")
        .append(t.title())
        .append(md ? "\n\n" : "\n")
        .append(md ? "**" + s.code() + "** · " : "   " + s.code() + " · ")
        .append(t.span())
        .append(md ? "\n\n" : "\n");
    out.append(md ? "**" + t.topLabel() + "**\n\n" : "   " + t.topLabel() + ":\n");
    t.top()
        .forEach(
            d ->
                out.append(md ? "- " : "     - ")
                    .append(d.device())
                    .append(": ")
                    .append(d.note())
                    .append('\n'));
    out.append(md ? "\n" : "   ").append(t.detailCli()).append("\n\n");
  }

  /** One line per rival the finding beat: "Not X, because Y. (where)". */
  private static void ruledOut(
      Finding f, FindingTexts texts, String lang, boolean md, StringBuilder out) {
    for (RuledOut r : f.ruledOut()) {
      String where = String.join("; ", texts.citeAll(r.evidence(), lang, MAX_EVIDENCE));
      out.append(md ? "- " : "   ")
          .append(texts.ruledOut(r, lang))
          .append(where.isEmpty() ? "" : " (" + where + ")")
          .append('\n');
    }
    if (md && !f.ruledOut().isEmpty()) {
      out.append('\n');
    }
  }

  private static void evidence(
      List<Evidence> evidence,
      FindingTexts texts,
      String lang,
      Labels l,
      boolean md,
      StringBuilder out) {
    if (evidence.isEmpty()) {
      return;
    }
    out.append(md ? "**" + l.evidence() + "**\n\n" : "   " + l.evidence() + ":\n");
    evidence.stream()
        .limit(MAX_EVIDENCE)
        .forEach(
            e ->
                out.append(md ? "- " : "     - ")
                    .append(texts.cite(e, lang))
                    .append(e.time() == null ? "" : " " + TIME.format(e.time()))
                    .append(": ")
                    .append(texts.note(e, lang))
                    .append('\n'));
    if (evidence.size() > MAX_EVIDENCE) {
      out.append(md ? "- " : "     - ")
          .append(texts.word("report-more", lang, evidence.size() - MAX_EVIDENCE))
          .append('\n');
    }
  }

  /**
   * Where a piece of evidence is, in English; {@link FindingTexts#cite} words it in the answer's
   * language.
   */
  public static String cite(Evidence e) {
    if (!e.frames().isEmpty()) {
      return e.file()
          + " frame"
          + (e.frames().size() > 1 ? "s " : " ")
          + e.frames().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return e.line() > 0 ? e.file() + " line " + e.line() : e.file();
  }

  private static void files(
      List<FileReport> files, FindingTexts texts, String lang, boolean md, StringBuilder out) {
    Labels l = Labels.of(texts, lang);
    out.append(md ? "### " + l.files() + "\n\n" : l.files() + ":\n");
    for (FileListFold.Shown s : FileListFold.fold(files)) {
      FileReport f = s.report();
      out.append(md ? "- " : "  ")
          .append(f.file())
          .append(" (")
          .append(texts.looksLike(f, lang))
          .append(f.skipped() ? ": " + l.skipped() + ")" : ")")
          .append(f.read() || f.skipped() ? "" : " " + l.notRead())
          .append('\n');
      texts
          .problems(f, lang)
          .forEach(p -> out.append(md ? "  - " : "    ! ").append(p).append('\n'));
      if (s.moreLikeIt() > 0) {
        out.append(md ? "- " : "  ")
            .append(texts.word("report-more-alike", lang, s.moreLikeIt()))
            .append('\n');
      }
    }
  }
}
