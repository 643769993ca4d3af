package dev.regdoc.timeline;

/**
 * How far {@code file}'s clock is ahead of {@code reference}'s, estimated from TCP segments found
 * in both (matched by flow and sequence number, not by time).
 *
 * @param offsetSeconds add to a reference time to get the file's time
 * @param matched segments seen in both captures
 * @param phoneSide which of the two files was captured nearer the phone (null if undecided)
 */
public record ClockOffset(
    String reference, String file, double offsetSeconds, int matched, String phoneSide) {}
