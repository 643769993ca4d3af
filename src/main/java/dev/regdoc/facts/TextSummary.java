package dev.regdoc.facts;

import java.util.List;
import java.util.Map;

/**
 * What a text reader made of a file.
 *
 * @param lines physical lines read
 * @param recognised records turned into facts (a wrapped alarm over three lines counts once)
 * @param unrecognised non-blank records that matched nothing regdoc knows (each also becomes an
 *     Anomaly fact, so nothing is dropped silently)
 * @param problemKeys problems with the file as a whole (binary content, encoding, ...), each with
 *     its key and values, said without the file (ingest names it)
 * @param description what the file turned out to be, in more words than its first bytes gave (node,
 *     time span); null to keep the sniffer's
 * @param details further counts for the file's status, in order (e.g. sip, sccp, alarms)
 */
public record TextSummary(
    long lines,
    long recognised,
    long unrecognised,
    List<FileProblem> problemKeys,
    String description,
    Map<String, Long> details) {

  public TextSummary {
    problemKeys = List.copyOf(problemKeys);
  }

  public TextSummary(
      long lines, long recognised, long unrecognised, List<FileProblem> problemKeys) {
    this(lines, recognised, unrecognised, problemKeys, null, Map.of());
  }

  /** The problems' English sentences, without the file. */
  public List<String> problems() {
    return problemKeys.stream().map(FileProblem::text).toList();
  }
}
