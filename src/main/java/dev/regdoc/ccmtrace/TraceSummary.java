package dev.regdoc.ccmtrace;

import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.TraceFile;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the reader made of one trace file, for its status line.
 *
 * @param lines physical lines read
 * @param records lines that were trace records
 * @param broken lines that started like a record and were damaged
 * @param counts sip (registration messages kept), sip-other (other SIP messages, counted only),
 *     sccp, sccp-other, alarms, signals, sip-internal-copies, sip-unreadable
 * @param problemKeys problems with the file, said without its name
 */
public record TraceSummary(
    TraceFile file,
    long lines,
    long records,
    long broken,
    Map<String, Long> counts,
    List<FileProblem> problemKeys) {

  /** The problems' English sentences, without the file's name. */
  public List<String> problems() {
    return problemKeys.stream().map(FileProblem::text).toList();
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  /** "a Cisco CallManager SDL trace (node cucm-pub, 2015-07-15 17:40:00.004 to ... UTC-05:00)". */
  public String description() {
    String what =
        file.isCallManager()
            ? "a Cisco CallManager " + file.format() + " trace"
            : "an "
                + file.format()
                + " trace of "
                + file.service()
                + " (AppId "
                + file.appId()
                + ")";
    if (file.first() == null) {
      return what + " (node " + file.node() + ", no records)";
    }
    return what
        + " (node "
        + file.node()
        + ", "
        + TIME.format(file.first())
        + " to "
        + TIME.format(file.last())
        + " UTC"
        + (file.zone().getTotalSeconds() == 0 ? "" : file.zone().getId())
        + (file.dating() == TraceFile.Dating.ASSUMED ? ", date assumed" : "")
        + ")";
  }
}
