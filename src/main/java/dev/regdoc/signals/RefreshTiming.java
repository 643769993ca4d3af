package dev.regdoc.signals;

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
 * @param seenIn "both", a file name, or null with a single capture
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
    String seenIn)
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
   * CUCM's patience: it waits about 15 s past the moment the refresh was due (source document, case
   * study 2: 115 s + 15 s), and never less than the Expires it granted.
   */
  public double getDeadline() {
    return Math.max(granted, sinceLastOk + CUCM_GRACE_SECONDS);
  }

  /**
   * Answered, but only after CUCM's deadline had passed: CUCM had already unregistered the phone.
   */
  public boolean isAnsweredLate() {
    return isAnswered() && granted > 0 && okAfterLastOk > getDeadline();
  }

  public static final double CUCM_GRACE_SECONDS = 15;
}
