package dev.regdoc.signals;

import dev.regdoc.facts.Protocol;
import dev.regdoc.timeline.event.KeepaliveRole;
import dev.regdoc.timeline.event.SeenIn;
import java.time.Instant;

/**
 * One keepalive (SCCP KeepAliveReq, or SIP keepalive REGISTER to a backup) and its answer.
 *
 * @param role a backup SCCP CUCM only TCP-acknowledges keepalives
 * @param answerLatency seconds to the application answer, -1 when none
 * @param seenIn in both aligned captures or in one only, null with a single capture
 */
public record KeepaliveTiming(
    String device,
    Protocol protocol,
    String file,
    long frame,
    Instant time,
    String server,
    KeepaliveRole role,
    double interval,
    double answerLatency,
    int retransmissions,
    SeenIn.Sides seenIn)
    implements Cited {

  public boolean isAnswered() {
    return answerLatency >= 0;
  }
}
