package dev.regdoc.ccmtrace;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The FileHead line that starts each SDL file: {@code UTC:-05:00,Date: 2024/08/12, AppName: CCM,
 * AppId: 100, AppNodeId: 1, ..., HostName: pub115, HostIPAddress: 192.0.2.103, ..., FileNumber:
 * 1262, TraceVer: 3.0}. Fields that are missing or unreadable are null or -1.
 */
record FileHeader(
    ZoneOffset zone,
    LocalDate date,
    String appName,
    int appId,
    int nodeId,
    String hostName,
    String hostIp,
    long fileNumber) {

  static FileHeader parse(String payload) {
    return new FileHeader(
        zone(value(payload, "UTC:")),
        date(value(payload, "Date:")),
        value(payload, "AppName:"),
        (int) number(value(payload, "AppId:")),
        (int) number(value(payload, "AppNodeId:")),
        value(payload, "HostName:"),
        value(payload, "HostIPAddress:"),
        number(value(payload, "FileNumber:")));
  }

  /** The text after {@code key} up to the next comma, trimmed; null when absent or empty. */
  static String value(String payload, String key) {
    int at = payload.indexOf(key);
    if (at < 0) {
      return null;
    }
    int from = at + key.length();
    int comma = payload.indexOf(',', from);
    String v = payload.substring(from, comma < 0 ? payload.length() : comma).trim();
    return v.isEmpty() ? null : v;
  }

  private static ZoneOffset zone(String v) {
    if (v == null) {
      return null;
    }
    try {
      return ZoneOffset.of(v);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code yyyy/MM/dd}. */
  private static LocalDate date(String v) {
    if (v == null || v.length() != 10 || v.charAt(4) != '/' || v.charAt(7) != '/') {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(v, 0, 4, 10),
          Integer.parseInt(v, 5, 7, 10),
          Integer.parseInt(v, 8, 10, 10));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  private static long number(String v) {
    if (v == null || v.isEmpty() || v.length() > 18) {
      return -1;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(v);
  }
}
