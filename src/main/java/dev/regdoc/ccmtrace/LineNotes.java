package dev.regdoc.ccmtrace;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences a trace file's status gets about its lines, consecutive lines of one kind merged
 * into one range ("lines 3-17 ..."), so a damaged stretch gives one sentence and one Anomaly, not
 * thousands.
 */
final class LineNotes {
  private static final int MAX_SENTENCES = 20;

  /** What can be wrong with a line, said of one line and of several. */
  enum Kind {
    BROKEN(
        "trace-broken-line",
        "broken",
        "starts like a trace record but is cut; skipped",
        "start like trace records but are cut; skipped"),
    RUN_TOGETHER(
        "trace-lines-run-together",
        "run-together",
        "holds a record cut short and run together with the next one; the next one was read",
        "hold records cut short and run together with the next ones; the next ones were read"),
    INVALID_UTF8(
        "trace-invalid-utf8",
        "invalid-utf8",
        "holds bytes that are not valid UTF-8; read anyway",
        "hold bytes that are not valid UTF-8; read anyway"),
    BINARY(
        "trace-binary-data",
        "binary",
        "looks like binary data, not text; skipped",
        "look like binary data, not text; skipped");

    final String code;

    /** The file-problem word's key after "file-line-" or "file-lines-" (answer-words.yaml). */
    final String word;

    final String one;
    final String several;

    Kind(String code, String word, String one, String several) {
      this.code = code;
      this.word = word;
      this.one = one;
      this.several = several;
    }
  }

  private final String file;
  private final FactSink sink;
  private final List<FileProblem> sentences = new ArrayList<>();
  private int omitted;
  private Kind open;
  private long first;
  private long last;

  LineNotes(String file, FactSink sink) {
    this.file = file;
    this.sink = sink;
  }

  void note(long line, Kind kind) {
    if (open != null && (open != kind || line != last + 1)) {
      close();
    }
    if (open == null) {
      open = kind;
      first = line;
    }
    last = line;
  }

  /** A problem of its own, with the Anomaly {@code code} at {@code line}. */
  void add(long line, String code, FileProblem problem) {
    sink.accept(new Anomaly(Origin.line(file, line, null), code, problem.text()));
    if (sentences.size() < MAX_SENTENCES) {
      sentences.add(problem);
    } else {
      omitted++;
    }
  }

  List<FileProblem> finish() {
    close();
    List<FileProblem> all = new ArrayList<>(sentences);
    if (omitted > 0) {
      all.add(FileProblem.moreNotListed(omitted));
    }
    return all;
  }

  private void close() {
    if (open == null) {
      return;
    }
    String where = first == last ? "line " + first : "lines " + first + "-" + last;
    String sentence = where + " " + (first == last ? open.one : open.several);
    add(
        first,
        open.code,
        first == last
            ? FileProblem.of("file-line-" + open.word, sentence, first)
            : FileProblem.of("file-lines-" + open.word, sentence, first, last));
    open = null;
  }
}
