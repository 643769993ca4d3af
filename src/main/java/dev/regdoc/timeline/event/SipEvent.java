package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** SIP messages: the kinds of REGISTER, their answers, resent requests, and other SIP. */
public sealed interface SipEvent extends SignalingEvent {

  /** A REGISTER of any kind: first registration, refresh, backup keepalive, de-registration. */
  sealed interface Registering extends SipEvent {
    RegisterRequest request();

    @Override
    default String server() {
      return request().server();
    }
  }

  /** A first REGISTER (no 200 OK yet on this Call-ID). */
  record Register(@JsonUnwrapped RegisterRequest request, @JsonUnwrapped SeenIn seen)
      implements Registering, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SIP_REGISTER;
    }

    @Override
    public String summary() {
      return "REGISTER to "
          + request.server()
          + (request.expires() == null
              ? " without Expires"
              : " asking Expires " + request.expires());
    }
  }

  /**
   * A REGISTER refresh.
   *
   * @param sinceLastOk seconds since the previous 200 OK (the phone times its refresh from it)
   * @param granted the Expires that 200 OK granted, null when it named none
   * @param late sent after the granted time had run out
   */
  record Refresh(
      @JsonUnwrapped RegisterRequest request,
      double sinceLastOk,
      Integer granted,
      boolean late,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) long unseenBefore,
      @JsonUnwrapped SeenIn seen)
      implements Registering, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SIP_REFRESH;
    }

    @Override
    public String summary() {
      long cseq = request.cseq();
      return "REGISTER refresh CSeq "
          + cseq
          + " to "
          + request.server()
          + ", "
          + sinceLastOk
          + " s after the last 200 OK"
          + (granted == null ? "" : " (granted " + granted + " s" + (late ? ", LATE" : "") + ")")
          + (unseenBefore == 0
              ? ""
              : unseenBefore == 1
                  ? "; CSeq " + (cseq - 1) + " never in this capture"
                  : "; CSeq "
                      + (cseq - unseenBefore)
                      + "-"
                      + (cseq - 1)
                      + " never in this capture");
    }
  }

  /**
   * A keepalive REGISTER (Expires 0, cisco-keep-alive) to a backup CUCM: not a de-registration.
   *
   * @param interval seconds since the previous one to the same CUCM, null for the first
   */
  record BackupKeepalive(
      @JsonUnwrapped RegisterRequest request, Double interval, @JsonUnwrapped SeenIn seen)
      implements Registering, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SIP_BACKUP_KEEPALIVE;
    }

    @Override
    public String summary() {
      return "Keepalive REGISTER (Expires 0, cisco-keep-alive) to backup "
          + request.server()
          + (interval == null ? "" : ", " + interval + " s after the previous one")
          + "; not a de-registration";
    }
  }

  /** A REGISTER with Expires 0: the phone removes its registration. */
  record Deregister(@JsonUnwrapped RegisterRequest request, @JsonUnwrapped SeenIn seen)
      implements Registering, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SIP_DEREGISTER;
    }

    @Override
    public String summary() {
      return "REGISTER Expires 0 to " + request.server() + ": the phone removes its registration";
    }
  }

  /**
   * An answer to a REGISTER.
   *
   * @param granted the Expires it grants, null when it names none
   * @param latency seconds since the first transmission of the request, null when not captured
   * @param requestFrame that request's frame, null when not captured
   */
  record RegisterResponse(
      int status,
      String reason,
      String server,
      String callId,
      long cseq,
      Integer granted,
      Double latency,
      Long requestFrame,
      RegisterOutcome outcome,
      @JsonUnwrapped SeenIn seen)
      implements SipEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SIP_REGISTER_RESPONSE;
    }

    @Override
    public String summary() {
      return status
          + " "
          + reason
          + " to REGISTER CSeq "
          + cseq
          + " from "
          + server
          + " ("
          + outcome.text()
          + (status == 200 && granted != null && outcome != RegisterOutcome.KEEPALIVE_ACKNOWLEDGED
              ? ", Expires " + granted
              : "")
          + ")";
    }

    public boolean success() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * A request sent again by the phone's SIP stack (over UDP, or a new TCP segment).
   *
   * @param attempt 2 for the first resend
   * @param sinceFirst seconds since the first transmission
   */
  record RequestRetransmission(
      String method,
      String callId,
      long cseq,
      int attempt,
      double sinceFirst,
      long firstFrame,
      String server,
      @JsonUnwrapped SeenIn seen)
      implements SipEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SIP_REQUEST_RETRANSMISSION;
    }

    @Override
    public String summary() {
      return method
          + " CSeq "
          + cseq
          + " sent again (attempt "
          + attempt
          + ", "
          + sinceFirst
          + " s after the first)";
    }
  }

  /** A request other than REGISTER (call control). */
  /**
   * A request other than REGISTER (OPTIONS, NOTIFY, INVITE...).
   *
   * @param direction which way it went; JSON: {@code "direction": "cucm-to-phone"} for a request
   *     CUCM sent, nothing for the phone's own (the usual case, so older timelines read the same)
   */
  record Request(
      String method,
      String callId,
      long cseq,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Direction.FromPhone.class)
          Direction direction,
      @JsonUnwrapped SeenIn seen)
      implements SipEvent {
    @Override
    public EventKind kind() {
      return EventKind.SIP_MESSAGE;
    }

    @Override
    public String server() {
      return null;
    }
  }

  /** An answer to a request other than REGISTER. */
  record Response(int status, String cseqMethod, String callId, @JsonUnwrapped SeenIn seen)
      implements SipEvent {
    @Override
    public EventKind kind() {
      return EventKind.SIP_MESSAGE;
    }

    @Override
    public String server() {
      return null;
    }
  }
}
