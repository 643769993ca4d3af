package dev.regdoc.signals;

import java.time.Instant;

/**
 * One keepalive (SCCP KeepAliveReq, or SIP keepalive REGISTER to a backup) and its answer.
 *
 * @param role "primary" or "backup"; a backup SCCP CUCM only TCP-acknowledges keepalives
 * @param answerLatency seconds to the application answer, -1 when none
 * @param seenIn "both", a file name, or null with a single capture
 */
public record KeepaliveTiming(
    String device,
    String protocol,
    String file,
    long frame,
    Instant time,
    String server,
    String role,
    double interval,
    double answerLatency,
    int retransmissions,
    String seenIn)
    implements Cited {

  public boolean isAnswered() {
    return answerLatency >= 0;
  }
}
