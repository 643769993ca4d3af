package dev.regdoc.timeline;

import dev.regdoc.timeline.event.EventKind;
import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to one device, on the common time axis.
 *
 * @param time on the reference clock (captures from the other side are shifted by the estimated
 *     offset)
 * @param fileTime the time as written in the file, when it differs from {@code time}; otherwise
 *     null
 * @param kind stable kebab-case id, e.g. sip-refresh, tcp-retransmission, cucm-alarm
 * @param frame capture frame number, 0 for text files
 * @param line text line number, 0 for captures
 * @param summary one readable line
 * @param details the values that matter, JSON-friendly (strings, numbers, booleans)
 */
public record TimelineEvent(
    Instant time,
    Instant fileTime,
    EventKind kind,
    String device,
    String file,
    long frame,
    long line,
    String summary,
    Map<String, Object> details) {

  public String cite() {
    return frame > 0 ? file + "#" + frame : line > 0 ? file + ":" + line : file;
  }
}
