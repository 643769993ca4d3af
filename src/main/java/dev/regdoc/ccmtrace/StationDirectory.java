package dev.regdoc.ccmtrace;

import dev.regdoc.common.BoundedMap;
import java.util.Map;

/**
 * Which phone a station process or TCP handle belongs to, learnt from the lines that name both (a
 * signal's tag on StationD(…,5195), an SDI line with DeviceName and TCPHandle), so that lines
 * naming only the process or the handle can name the phone too. Valid within one file: instances
 * are reused after a service restart.
 */
final class StationDirectory {
  /** A cluster's phones; beyond this the oldest entries go. */
  private static final int MAX = 50_000;

  record Station(String device, String ip, int port) {}

  private final Map<String, Station> byKey = BoundedMap.oldestOut(MAX);

  void learnInstance(long instance, String device, String ip) {
    if (instance >= 0 && device != null) {
      byKey.put("i" + instance, new Station(device, ip, -1));
    }
  }

  void learnHandle(String handle, String device, String ip, int port) {
    if (handle != null && device != null) {
      byKey.put("h" + handle, new Station(device, ip, port));
    }
  }

  Station find(long instance, String handle) {
    Station s = handle == null ? null : byKey.get("h" + handle);
    if (s == null && instance >= 0) {
      s = byKey.get("i" + instance);
    }
    return s;
  }
}
