package dev.regdoc.signals;

import dev.regdoc.facts.Protocol;
import dev.regdoc.timeline.event.KeepaliveRole;
import dev.regdoc.timeline.event.SeenIn;
import java.time.Instant;

/**
 * One keepalive (SCCP KeepAliveReq, or SIP keepalive REGISTER to a backup) and its answer.
 *
 * @param role a backup SCCP CUCM only TCP-acknowledges keepalives
 * @param interval seconds since the previous keepalive on the same TCP connection; for the first
 *     SCCP keepalive of a connection to the primary, the interval its RegisterAck configured; -1
 *     when neither is known
 * @param answerLatency seconds to the application answer, -1 when none
 * @param seenIn in both aligned captures or in one only, null with a single capture
 * @param resetAfter seconds from the keepalive to the next SCCP Reset CUCM sent the phone (a
 *     restart from CUCM Administration), -1 when none followed
 * @param connection which TCP connection of this phone to this server in this capture, from 1 (0
 *     when not known): intervals and runs of missed keepalives count within one connection
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
    SeenIn.Sides seenIn,
    int connection,
    double resetAfter)
    implements Cited {

  public boolean isAnswered() {
    return answerLatency >= 0;
  }
}
