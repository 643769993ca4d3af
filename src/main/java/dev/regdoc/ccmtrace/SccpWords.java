package dev.regdoc.ccmtrace;

import java.util.Locale;
import java.util.Map;

/**
 * The SCCP message a trace's word names ({@code KeepAliveMessageID}, {@code KeepAliveMessage},
 * {@code StationKeepAlive}, {@code KeepAliveAck}, {@code StationReg}), as the id and name a capture
 * gives the same message, so trace and capture speak of the same thing.
 */
final class SccpWords {
  private static final Map<String, Integer> IDS =
      Map.ofEntries(
          Map.entry("keepalive", 0x0000),
          Map.entry("keepalivereq", 0x0000),
          Map.entry("register", 0x0001),
          Map.entry("registerreq", 0x0001),
          Map.entry("reg", 0x0001),
          Map.entry("alarm", 0x0020),
          Map.entry("unregister", 0x0027),
          Map.entry("unregisterreq", 0x0027),
          Map.entry("registerack", 0x0081),
          Map.entry("registerreject", 0x009D),
          Map.entry("reset", 0x009F),
          Map.entry("keepaliveack", 0x0100),
          Map.entry("unregisterack", 0x0118));

  private static final Map<Integer, String> NAMES =
      Map.of(
          0x0000, "KeepAliveReq",
          0x0001, "RegisterReq",
          0x0020, "Alarm",
          0x0027, "UnregisterReq",
          0x0081, "RegisterAck",
          0x009D, "RegisterReject",
          0x009F, "Reset",
          0x0100, "KeepAliveAck",
          0x0118, "UnregisterAck");

  private SccpWords() {}

  /** The id {@code word} names, or -1. */
  static int id(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    w = strip(w, "messageid");
    w = strip(w, "message");
    if (w.startsWith("station") && w.length() > "station".length()) {
      w = w.substring("station".length());
    }
    Integer id = IDS.get(w);
    return id == null ? -1 : id;
  }

  static String name(int id) {
    String n = NAMES.get(id);
    return n != null ? n : String.format(Locale.ROOT, "0x%04X", id);
  }

  private static String strip(String w, String suffix) {
    return w.endsWith(suffix) && w.length() > suffix.length()
        ? w.substring(0, w.length() - suffix.length())
        : w;
  }
}
