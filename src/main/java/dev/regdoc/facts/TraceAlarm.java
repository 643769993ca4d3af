package dev.regdoc.facts;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * An alarm CUCM wrote into its trace: the {@code Alarm<Sev>} line with {@code AlarmName}, {@code
 * AlarmSeverity} and {@code AlarmParameters}, with the prose of the AppInfo line before it.
 * EndPointUnregistered here carries the same Reason and LastSignalReceived as in syslog.
 *
 * @param alarm AlarmName, e.g. EndPointUnregistered
 * @param severity AlarmSeverity as written (Error, Informational, ...), or the type column's suffix
 *     when the line had none
 * @param parameters every {@code key:value} of AlarmParameters, in line order
 * @param text the prose line, null when there was none
 */
public record TraceAlarm(
    Origin origin,
    String node,
    LocalDateTime localTime,
    String alarm,
    String severity,
    Map<String, String> parameters,
    String text)
    implements TraceRecord {

  public String deviceName() {
    return parameters.get("DeviceName");
  }

  /** Reason as a number, -1 when absent or not numeric. */
  public int reason() {
    String r = parameters.get("Reason");
    if (r == null || r.isBlank()) {
      return -1;
    }
    try {
      return Integer.parseInt(r.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
