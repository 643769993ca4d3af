package dev.regdoc.capture;

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
 * @param problems user-facing sentences (truncation, unsupported link type, ...); empty when clean
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
    List<String> problems) {}
