package dev.regdoc.logs;

import java.time.OffsetDateTime;

/**
 * A timestamp found in a syslog line.
 *
 * @param raw the text as written (with a leading * or . when present)
 * @param start index of the text in the line
 * @param end index after the text
 * @param time the parsed time; null when the text has no date (IOS uptime stamps) or is not a real
 *     date
 * @param zoneWritten the zone text as written, null when the line carried none
 * @param zoneKnown true when the zone text was turned into an offset; false means UTC was assumed
 * @param unsynchronised the IOS clock flag: a leading '*' or '.'
 */
record FoundTime(
    String raw,
    int start,
    int end,
    OffsetDateTime time,
    String zoneWritten,
    boolean zoneKnown,
    boolean unsynchronised) {}
