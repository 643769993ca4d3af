package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Syslog lines: CUCM alarms, switch and firewall messages. JSON: the line's own fields follow the
 * fixed ones, in the line's order, and a field of the same name replaces a fixed one in place.
 */
public sealed interface LogEvent extends EventDetails {

  /** Every field the line named (CUCM: [key=value]; IOS and ASA: lower-case keys). */
  Map<String, String> fields();

  private static void putPresent(Map<String, Object> d, String key, Object value) {
    if (value != null) {
      d.put(key, value);
    }
  }

  /** A field the line named, or null. */
  default String field(String key) {
    return fields().get(key);
  }

  /**
   * A CUCM alarm (EndPointUnregistered, ...).
   *
   * @param reason Reason= as a number, null when absent or not a number
   * @param localTime the time as the line wrote it
   */
  record CucmAlarm(
      String alarm,
      int severity,
      String host,
      Integer reason,
      String localTime,
      Map<String, String> fields)
      implements LogEvent {
    public CucmAlarm {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public EventKind kind() {
      return EventKind.CUCM_ALARM;
    }

    @JsonValue
    Map<String, Object> json() {
      Map<String, Object> d = new LinkedHashMap<>();
      putPresent(d, "alarm", alarm);
      d.put("severity", severity);
      putPresent(d, "host", host);
      putPresent(d, "reason", reason);
      putPresent(d, "localTime", localTime);
      d.putAll(fields);
      return d;
    }
  }

  /**
   * An IOS switch or ASA firewall message, %FACILITY-SEVERITY-MNEMONIC.
   *
   * @param asa from an ASA (else a switch)
   */
  record NetworkLog(
      boolean asa,
      String facility,
      int severity,
      String mnemonic,
      String host,
      Map<String, String> fields)
      implements LogEvent {
    public NetworkLog {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public EventKind kind() {
      return asa ? EventKind.ASA_LOG : EventKind.SWITCH_LOG;
    }

    @JsonValue
    Map<String, Object> json() {
      Map<String, Object> d = new LinkedHashMap<>();
      putPresent(d, "facility", facility);
      d.put("severity", severity);
      putPresent(d, "mnemonic", mnemonic);
      putPresent(d, "host", host);
      d.putAll(fields);
      return d;
    }
  }

  /**
   * A CallManager trace's SDL signal about a station process that no message shows: a timer such as
   * SIPStationDPrimaryLineTimeout (the refresh did not come), a reset or an unregistration.
   *
   * @param node the CUCM node whose trace has it
   * @param remote the signal crossed to or from another node or service
   */
  record CucmSignal(
      String signal,
      String node,
      String receiver,
      String sender,
      boolean remote,
      Map<String, String> fields)
      implements LogEvent {
    public CucmSignal {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public EventKind kind() {
      return EventKind.CUCM_SIGNAL;
    }
  }
}
