package dev.regdoc.signals;

import dev.regdoc.facts.Protocol;
import java.time.Instant;
import java.util.List;

/**
 * One registration attempt (SIP REGISTER transaction, or SCCP RegisterReq) and how it ended.
 *
 * @param attempts transmissions of the request (UDP resends and TCP retransmissions included)
 * @param finalStatus SIP final status, 200 for an SCCP RegisterAck, 0 when no final answer came
 * @param rejected an error answer (SIP 3xx-6xx other than an auth challenge, SCCP RegisterReject)
 * @param challenge a 401/407 digest challenge
 * @param laterSuccess for a challenge: a later REGISTER on the same Call-ID succeeded
 * @param frames every transmission of the request
 */
public record RegisterTransaction(
    String device,
    Protocol protocol,
    String file,
    long frame,
    Instant time,
    String server,
    String callId,
    long cseq,
    boolean keepalive,
    int attempts,
    int finalStatus,
    String finalReason,
    long finalFrame,
    boolean rejected,
    boolean challenge,
    boolean laterSuccess,
    List<Long> frames)
    implements Cited {

  public boolean isAnswered() {
    return finalStatus > 0;
  }
}
