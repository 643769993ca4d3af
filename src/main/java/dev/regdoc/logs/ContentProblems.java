package dev.regdoc.logs;

import dev.regdoc.common.PhysicalLine;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects file-level problems as user-facing sentences, merging consecutive lines of the same kind
 * into one range ("lines 3-17 look like binary data (NUL bytes); skipped") so that a corrupt
 * stretch gives one sentence and one Anomaly, not thousands.
 */
final class ContentProblems {

  /**
   * Past this many sentences the file is plainly not a log; one more sentence says how many were
   * left out.
   */
  private static final int MAX_SENTENCES = 20;

  private final String file;
  private final FactSink sink;
  private final List<FileProblem> sentences = new ArrayList<>();
  private int omitted;
  private LineContent rangeKind;
  private long rangeFirst;
  private long rangeLast;

  ContentProblems(String file, FactSink sink) {
    this.file = file;
    this.sink = sink;
  }

  /** Records the content kind of one line; plain text lines close any open range. */
  void note(long line, LineContent kind) {
    if (rangeKind != null && (kind != rangeKind || line != rangeLast + 1)) {
      closeRange();
    }
    if (kind == LineContent.TEXT) {
      return;
    }
    if (rangeKind == null) {
      rangeKind = kind;
      rangeFirst = line;
    }
    rangeLast = line;
  }

  void lineTooLong(PhysicalLine line) {
    add(
        FileProblem.lineCut(line.number(), line.fullLength(), line.text().length(), "characters"),
        new Anomaly(
            Origin.line(file, line.number(), null),
            "syslog-line-too-long",
            "line of " + line.fullLength() + " characters cut to " + line.text().length()));
  }

  List<FileProblem> finish() {
    closeRange();
    if (omitted > 0) {
      sentences.add(FileProblem.moreNotListed(omitted));
    }
    return List.copyOf(sentences);
  }

  private void closeRange() {
    if (rangeKind == null) {
      return;
    }
    boolean single = rangeFirst == rangeLast;
    String where = single ? "line " + rangeFirst : "lines " + rangeFirst + "-" + rangeLast;
    String sentence =
        rangeKind.skipped()
            ? where
                + (single ? " looks like " : " look like ")
                + rangeKind.description
                + "; skipped"
            : where
                + (single ? " contains " : " contain ")
                + rangeKind.description
                + " (shown as \uFFFD); parsed anyway";
    String code = rangeKind.skipped() ? "syslog-binary-data" : "syslog-invalid-utf8";
    String key =
        (single ? "file-line-" : "file-lines-") + (rangeKind.skipped() ? "binary" : "invalid-utf8");
    FileProblem problem =
        single
            ? FileProblem.of(key, sentence, rangeFirst)
            : FileProblem.of(key, sentence, rangeFirst, rangeLast);
    add(problem, new Anomaly(Origin.line(file, rangeFirst, null), code, sentence));
    rangeKind = null;
  }

  private void add(FileProblem sentence, Anomaly anomaly) {
    sink.accept(anomaly);
    if (sentences.size() < MAX_SENTENCES) {
      sentences.add(sentence);
    } else {
      omitted++;
    }
  }
}
