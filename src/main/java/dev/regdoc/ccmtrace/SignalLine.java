package dev.regdoc.ccmtrace;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The payload of an SdlSig line: {@code SignalName |state |Receiver(node,app,type,instance)
 * |Sender(...) |node,app,x,y.z^deviceIp^deviceName |...}. The receiver comes first. Only what
 * regdoc uses is kept: the signal, both processes, and the device the tag names.
 */
record SignalLine(
    String signal, String receiver, String sender, String deviceIp, String deviceName) {

  /**
   * Timers that ended a registration, resets and unregistrations: what the messages themselves do
   * not show. Register signals are not kept; the message they carry is.
   */
  private static final String[] REGISTRATION_WORDS = {"timeout", "keepalive", "reset", "unreg"};

  /**
   * The signal in {@code b[from..to)} when a station process receives or sends it, else null (most
   * signals are call processing, judged here without a string made).
   */
  static SignalLine parse(byte[] b, int from, int to) {
    int[] bars = new int[5];
    int found = 0;
    for (int i = TraceBytes.indexOf(b, from, to, (byte) '|');
        i >= 0 && found < 5;
        i = TraceBytes.indexOf(b, i + 1, to, (byte) '|')) {
      bars[found++] = i;
    }
    if (found < 4 || TraceBytes.indexOf(b, bars[1] + 1, bars[3], "Station") < 0) {
      return null;
    }
    String tag = field(b, bars[3] + 1, found > 4 ? bars[4] : to);
    String ip = null;
    String device = null;
    int caret = tag.indexOf('^');
    if (caret >= 0) {
      int second = tag.indexOf('^', caret + 1);
      ip = known(tag.substring(caret + 1, second < 0 ? tag.length() : second));
      device = second < 0 ? null : known(tag.substring(second + 1));
    }
    return new SignalLine(
        field(b, from, bars[0]),
        field(b, bars[1] + 1, bars[2]),
        field(b, bars[2] + 1, bars[3]),
        ip,
        device);
  }

  /** The instance of a {@code StationD(1,100,64,5195)} process, -1 for other processes. */
  static long stationInstance(String process) {
    if (!process.startsWith("StationD(") || !process.endsWith(")")) {
      return -1;
    }
    int comma = process.lastIndexOf(',');
    try {
      return Long.parseLong(process.substring(comma + 1, process.length() - 1).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A signal about registration, keepalives or their timers. */
  boolean isRegistrationSignal() {
    String s = signal.toLowerCase(Locale.ROOT);
    for (String w : REGISTRATION_WORDS) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String field(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8).trim();
  }

  private static String known(String v) {
    String t = v.trim();
    return t.isEmpty() || t.equals("*") ? null : t;
  }
}
