package dev.regdoc.capture;

import dev.regdoc.facts.FileProblem;
import java.time.Instant;
import java.util.List;

/**
 * What was read from one capture file.
 *
 * @param format "pcap (microsecond)", "pcap (nanosecond)", "pcapng"
 * @param linkTypes link types seen, e.g. "EN10MB", "LINUX_SLL2"
 * @param frames frames in the file as far as it could be read (kept and filtered out)
 * @param framesDecoded frames that passed the signaling filter and were decoded
 * @param bytes file size read
 * @param problemKeys problems (truncation, unsupported link type, ...), each naming the file first;
 *     empty when clean
 */
public record CaptureSummary(
    String file,
    String format,
    List<String> linkTypes,
    long frames,
    long framesDecoded,
    long bytes,
    Instant first,
    Instant last,
    List<FileProblem> problemKeys) {

  /** The problems' English sentences, each starting with the file's name. */
  public List<String> problems() {
    return problemKeys.stream().map(FileProblem::text).toList();
  }
}
