package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SCCP messages: registration, keepalives and their answers, unregistration, resets, and the
 * phone's alarms. The backup CUCM only TCP-acknowledges keepalives.
 */
public sealed interface SccpEvent extends SignalingEvent {

  record Register(String server, String deviceName, String stationIp, @JsonUnwrapped SeenIn seen)
      implements SccpEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_REGISTER;
    }

    @Override
    public String summary() {
      return "RegisterReq from " + deviceName + " to " + server;
    }
  }

  /**
   * @param keepAliveInterval seconds between keepalives to the primary
   * @param secondaryKeepAliveInterval seconds between keepalives to the backup
   */
  record RegisterAck(
      String server,
      int keepAliveInterval,
      int secondaryKeepAliveInterval,
      @JsonUnwrapped SeenIn seen)
      implements SccpEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_REGISTER_ACK;
    }

    @Override
    public String summary() {
      return "RegisterAck from "
          + server
          + ": keepalive every "
          + keepAliveInterval
          + " s to the primary, "
          + secondaryKeepAliveInterval
          + " s to the backup";
    }
  }

  record RegisterReject(String server, String text, @JsonUnwrapped SeenIn seen)
      implements SccpEvent {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_REGISTER_REJECT;
    }
  }

  /**
   * @param interval seconds since the previous keepalive to the same CUCM on the same TCP
   *     connection, null for the first on its connection
   */
  record KeepAlive(String server, KeepaliveRole role, Double interval, @JsonUnwrapped SeenIn seen)
      implements SccpEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_KEEPALIVE;
    }

    @Override
    public String summary() {
      return "KeepAliveReq to "
          + (role == KeepaliveRole.PRIMARY ? "primary " : "backup ")
          + server
          + (interval == null ? "" : ", " + interval + " s after the previous one");
    }
  }

  /**
   * @param latency seconds since the keepalive it answers, null when that was not captured
   * @param keepaliveFrame the frame of that keepalive, null when not captured
   */
  record KeepAliveAck(
      String server, Double latency, Long keepaliveFrame, @JsonUnwrapped SeenIn seen)
      implements SccpEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_KEEPALIVE_ACK;
    }

    @Override
    public String summary() {
      return "KeepAliveAck from " + server + (latency == null ? "" : " after " + latency + " s");
    }
  }

  /**
   * A keepalive to the primary that got no answer: before the next keepalive ({@code
   * nextKeepaliveFrame}), or before the capture ended ({@code keepaliveFrame}).
   */
  record KeepAliveUnanswered(
      String server, Long keepaliveFrame, Long nextKeepaliveFrame, @JsonUnwrapped SeenIn seen)
      implements SccpEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_KEEPALIVE_UNANSWERED;
    }

    @Override
    public String summary() {
      return "KeepAliveReq to "
          + server
          + (keepaliveFrame != null
              ? " was never answered before the capture ended"
              : " got no KeepAliveAck before the next keepalive");
    }
  }

  record Unregister(String server, int reason, @JsonUnwrapped SeenIn seen) implements SccpEvent {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_UNREGISTER;
    }
  }

  record UnregisterAck(String server, int status, @JsonUnwrapped SeenIn seen) implements SccpEvent {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_UNREGISTER_ACK;
    }
  }

  /**
   * @param resetType reset, restart, apply config, or "type N"
   */
  record Reset(String server, String resetType, @JsonUnwrapped SeenIn seen) implements SccpEvent {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_RESET;
    }

    public static String typeOf(int code) {
      return switch (code) {
        case 1 -> "reset";
        case 2 -> "restart";
        case 3 -> "apply config";
        default -> "type " + code;
      };
    }
  }

  /**
   * An Alarm or EnhancedAlarm from the phone, e.g. its LastOutOfServiceInformation. JSON: the named
   * fields of the alarm's XML in their order, or its {@code text} when it names none.
   *
   * @param fields the alarm's named, non-empty XML fields (ReasonForOutOfService, ...)
   * @param text the alarm as sent
   */
  record Alarm(String server, int messageId, Map<String, String> fields, String text, SeenIn seen)
      implements SccpEvent {
    public Alarm {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public EventKind kind() {
      return EventKind.SCCP_ALARM;
    }

    /** A named field of the alarm, or null. */
    public String field(String name) {
      return fields.get(name);
    }

    @JsonValue
    Map<String, Object> json() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("server", server);
      d.put("messageId", messageId);
      d.putAll(fields);
      if (d.size() == 2) {
        d.put("text", text);
      }
      if (seen != null) {
        seen.putInto(d);
      }
      return d;
    }
  }

  /** Any other SCCP message (call control, display, ...). */
  record Other(String server, int messageId, @JsonUnwrapped SeenIn seen) implements SccpEvent {
    @Override
    public EventKind kind() {
      return EventKind.SCCP_MESSAGE;
    }
  }
}
