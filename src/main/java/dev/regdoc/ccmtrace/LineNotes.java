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

  /** What can be wrong with a line. */
  enum Kind {
    BROKEN(
        "trace-broken-line",
        "start like a trace record but are cut or run together with another line; skipped"),
    INVALID_UTF8("trace-invalid-utf8", "hold bytes that are not valid UTF-8; read anyway"),
    BINARY("trace-binary-data", "look like binary data, not text; skipped");

    final String code;
    final String sentence;

    Kind(String code, String sentence) {
      this.code = code;
      this.sentence = sentence;
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
    String sentence = where + " " + singular(open.sentence, first == last);
    add(first, open.code, sentence);
    open = null;
  }

  /** "lines 3-4 hold ..." but "line 3 holds ...". */
  private static String singular(String plural, boolean one) {
    if (!one) {
      return plural;
    }
    int space = plural.indexOf(' ');
    String verb = plural.substring(0, space);
    String rest = plural.substring(space);
    return switch (verb) {
      case "start" -> "starts" + rest;
      case "hold" -> "holds" + rest;
      case "look" -> "looks" + rest;
      default -> plural;
    };
  }
}
