package dev.regdoc.signals;

import dev.regdoc.timeline.event.SeenIn;
import java.time.Instant;
import java.util.List;

/**
 * One SIP REGISTER refresh to the active CUCM and how it fared.
 *
 * @param sinceLastOk seconds from the previous 200 OK to this refresh (the phone's refresh timer)
 * @param granted the Expires CUCM granted in that previous 200 OK, -1 if unknown
 * @param retransmissionDelays seconds after the original of each TCP retransmission that carried it
 * @param okAfterLastOk seconds from the previous 200 OK to this refresh's 200 OK; -1 when never
 *     answered
 * @param originalLost with two captures: the first transmission never reached the other capture
 *     point
 * @param seenIn in both aligned captures or in one only, null with a single capture
 * @param unseenBefore REGISTERs of this Call-ID the phone numbered before this one that this
 *     capture never holds (sent, lost before its capture point)
 */
public record RefreshTiming(
    String device,
    String file,
    long frame,
    Instant time,
    String server,
    long cseq,
    double sinceLastOk,
    int granted,
    List<Double> retransmissionDelays,
    List<Long> retransmissionFrames,
    double okAfterLastOk,
    long okFrame,
    boolean originalLost,
    SeenIn.Sides seenIn,
    long unseenBefore)
    implements Cited {

  public int getRetransmissions() {
    return retransmissionDelays.size();
  }

  public double getMaxRetransmissionDelay() {
    return retransmissionDelays.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  public boolean isAnswered() {
    return okAfterLastOk >= 0;
  }

  /**
   * CUCM's grace past the due time, for drawing the deadline in the timeline chart; whether a
   * refresh was late is the rules' judgement (answeredLate in rules/thresholds.drl, kept equal by
   * ThresholdsTest).
   */
  public static final double CUCM_GRACE_SECONDS = 15;
}
