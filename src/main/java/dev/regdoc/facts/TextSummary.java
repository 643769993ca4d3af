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
 * @param problems user-facing sentences about the file as a whole (binary content, encoding, ...)
 * @param description what the file turned out to be, in more words than its first bytes gave (node,
 *     time span); null to keep the sniffer's
 * @param details further counts for the file's status, in order (e.g. sip, sccp, alarms)
 */
public record TextSummary(
    long lines,
    long recognised,
    long unrecognised,
    List<String> problems,
    String description,
    Map<String, Long> details) {

  public TextSummary(long lines, long recognised, long unrecognised, List<String> problems) {
    this(lines, recognised, unrecognised, problems, null, Map.of());
  }
}
