package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;

/**
 * A signaling message as an engineer names it: "REGISTER CSeq 12", "SIP 200 (CSeq 12)", "SCCP
 * KeepAliveReq". Built only by these factories, so a consumer looking for the retransmissions of a
 * message asks for the same name the timeline gave them.
 */
public record MessageName(@JsonValue String text) {

  public static MessageName sipRequest(String method, long cseq) {
    return new MessageName(method + " CSeq " + cseq);
  }

  public static MessageName sipResponse(int status, long cseq) {
    return new MessageName("SIP " + status + " (CSeq " + cseq + ")");
  }

  public static MessageName sccp(String name) {
    return new MessageName("SCCP " + name);
  }

  /** The name of a SIP or SCCP message. */
  public static MessageName of(Fact message) {
    if (message instanceof SipMessage s) {
      return s.request() ? sipRequest(s.method(), s.cseq()) : sipResponse(s.status(), s.cseq());
    }
    return sccp(((SccpMessage) message).name());
  }

  @Override
  public String toString() {
    return text;
  }
}
