package dev.regdoc.facts;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A CUCM alarm line (EndPointUnregistered, EndPointRegistered, EndPointTransientConnection,
 * DeviceUnregistered, DeviceTransientConnection, others kept by name).
 *
 * @param timestamp the alarm's own time with its zone (null when the line carried none)
 * @param rawTime the time text as written
 * @param fields every [key=value] (or "Key.: value" in old formats), in line order
 */
public record CucmAlarm(
    Origin origin,
    OffsetDateTime timestamp,
    String rawTime,
    String host,
    String facility,
    int severity,
    String alarm,
    Map<String, String> fields,
    String text)
    implements Fact {

  public String field(String key) {
    return fields.get(key);
  }

  public String deviceName() {
    return fields.get("DeviceName");
  }

  public String ipAddress() {
    return fields.get("IPAddress");
  }

  /** Reason= as a number, -1 when absent or not numeric. */
  public int reason() {
    String r = fields.get("Reason");
    if (r == null) {
      return -1;
    }
    try {
      return Integer.parseInt(r.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
