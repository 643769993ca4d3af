package dev.regdoc.devconfig;

import dev.regdoc.common.CappedLineReader;
import dev.regdoc.common.PhysicalLine;
import dev.regdoc.facts.FileProblem;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a device config, none held longer than {@link #MAX_LINE_CHARS}: a config that is one
 * 300 MB line costs that many chars, not 300 MB. A cut line is read as far as it was kept and named
 * in the file's problems (the first few by number, then a count); the lines after it are read as
 * usual.
 */
final class ConfigLines {
  /** Far beyond any config line (certificates are written 70 hex digits a line). */
  static final int MAX_LINE_CHARS = 64 * 1024;

  private static final int LISTED = 5;

  private final CappedLineReader reader;
  private final List<FileProblem> cutNotices = new ArrayList<>();
  private long cut;

  ConfigLines(Reader in) {
    this.reader = new CappedLineReader(in, MAX_LINE_CHARS);
  }

  /** The next line, or null at the end. */
  PhysicalLine next() throws IOException {
    PhysicalLine line = reader.next();
    if (line != null && line.truncated() && ++cut <= LISTED) {
      cutNotices.add(
          FileProblem.lineCut(
              line.number(), line.fullLength(), line.text().length(), "characters"));
    }
    return line;
  }

  /** Sentences about cut lines for the file's report. */
  List<FileProblem> problems() {
    List<FileProblem> all = new ArrayList<>(cutNotices);
    if (cut > LISTED) {
      all.add(
          FileProblem.of(
              "file-more-lines-cut",
              (cut - LISTED)
                  + " more lines over "
                  + MAX_LINE_CHARS
                  + " characters were cut the same way",
              cut - LISTED,
              MAX_LINE_CHARS));
    }
    return all;
  }
}
