package dev.regdoc.ccmtrace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code Alarm<Sev>} line: {@code AlarmClass: CallManager, AlarmName: ConnectionFailure,
 * AlarmSeverity: Error, AlarmMessage: , AlarmDescription: ..., AlarmParameters: DeviceName:SEP...,
 * IPAddress:192.0.2.108, Reason:2, ...,}. The AppInfo line before it holds the same alarm in prose
 * ({@code ConnectionFailure - Unified CM failed to ...}).
 */
record AlarmLine(String name, String severity, Map<String, String> parameters) {
  private static final String PARAMETERS = "AlarmParameters:";

  /** The alarm in {@code payload} of a line of type {@code type}, or null without AlarmName. */
  static AlarmLine parse(String type, String payload) {
    String name = FileHeader.value(payload, "AlarmName:");
    if (name == null) {
      return null;
    }
    String severity = FileHeader.value(payload, "AlarmSeverity:");
    Map<String, String> params = new LinkedHashMap<>();
    int at = payload.indexOf(PARAMETERS);
    if (at >= 0) {
      for (String pair : payload.substring(at + PARAMETERS.length()).split(",", 200)) {
        int colon = pair.indexOf(':');
        if (colon > 0) {
          params.putIfAbsent(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
      }
    }
    return new AlarmLine(
        name,
        severity != null ? severity : type.substring("Alarm".length()),
        Collections.unmodifiableMap(params));
  }

  /** The prose of {@code appInfo} when it speaks of this alarm ("Name - text"), else null. */
  String prose(String appInfo) {
    if (appInfo == null || !appInfo.startsWith(name + " - ")) {
      return null;
    }
    return appInfo.substring(name.length() + 3).strip();
  }
}
