package dev.regdoc.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * How far {@code file}'s clock is ahead of {@code reference}'s, estimated from TCP segments found
 * in both (matched by flow and sequence number, not by time).
 *
 * @param offsetSeconds add to a reference time to get the file's time
 * @param matched segments seen in both captures
 * @param phoneSide which of the two files was captured nearer the phone (null if undecided)
 * @param from first moment {@code file} observed, on the reference's clock (null if unknown)
 * @param to last moment {@code file} observed, on the reference's clock (null if unknown); the span
 *     is for the rules, not part of the timeline JSON
 */
public record ClockOffset(
    String reference,
    String file,
    double offsetSeconds,
    int matched,
    String phoneSide,
    @JsonIgnore Instant from,
    @JsonIgnore Instant to) {

  /**
   * Whether {@code file} was observing at reference time {@code t}: a CUCM-side capture or trace
   * that stopped before (a hung CallManager writes no trace) or started after says nothing about
   * it. True when the span is unknown.
   */
  public boolean covers(Instant t) {
    return from == null || to == null || t == null || (!t.isBefore(from) && !t.isAfter(to));
  }
}
