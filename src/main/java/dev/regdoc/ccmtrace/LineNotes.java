package dev.regdoc.ccmtrace;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactSink;
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
        "starts like a trace record but is cut; skipped",
        "start like trace records but are cut; skipped"),
    RUN_TOGETHER(
        "trace-lines-run-together",
        "holds a record cut short and run together with the next one; the next one was read",
        "hold records cut short and run together with the next ones; the next ones were read"),
    INVALID_UTF8(
        "trace-invalid-utf8",
        "holds bytes that are not valid UTF-8; read anyway",
        "hold bytes that are not valid UTF-8; read anyway"),
    BINARY(
        "trace-binary-data",
        "looks like binary data, not text; skipped",
        "look like binary data, not text; skipped");

    final String code;
    final String one;
    final String several;

    Kind(String code, String one, String several) {
      this.code = code;
      this.one = one;
      this.several = several;
    }
  }

  private final String file;
  private final FactSink sink;
  private final List<String> sentences = new ArrayList<>();
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

  /** A sentence of its own, with the Anomaly {@code code} at {@code line}. */
  void add(long line, String code, String sentence) {
    sink.accept(new Anomaly(Origin.line(file, line, null), code, sentence));
    if (sentences.size() < MAX_SENTENCES) {
      sentences.add(sentence);
    } else {
      omitted++;
    }
  }

  List<String> finish() {
    close();
    List<String> all = new ArrayList<>(sentences);
    if (omitted > 0) {
      all.add(omitted + " more problems of the same kinds were not listed");
    }
    return all;
  }

  private void close() {
    if (open == null) {
      return;
    }
    String where = first == last ? "line " + first : "lines " + first + "-" + last;
    String sentence = where + " " + (first == last ? open.one : open.several);
    add(first, open.code, sentence);
    open = null;
  }
}
