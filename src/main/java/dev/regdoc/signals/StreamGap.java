package dev.regdoc.signals;

import dev.regdoc.timeline.event.Direction;
import java.time.Instant;

/**
 * Data one capture saw arrive only after later data of its stream, the receiver having acknowledged
 * only up to it: its first copy was lost before that capture point. Seen in a single capture, so it
 * needs no second one; at the phone's side, data the CUCM sent was lost on the way to the phone.
 *
 * @param frame the frame that finally brought the data
 * @param aheadFrame the frame that arrived ahead of it
 * @param receiverQuiet seconds from the last acknowledgement of the receiver's own data (its frames
 *     were getting through then) to the frame ahead of the gap; -1 when the capture shows none
 */
public record StreamGap(
    String device,
    Direction direction,
    String file,
    long frame,
    Instant time,
    long aheadFrame,
    double receiverQuiet,
    long seq,
    int length)
    implements Cited {}
