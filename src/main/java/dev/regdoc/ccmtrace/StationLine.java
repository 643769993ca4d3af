package dev.regdoc.ccmtrace;

import dev.regdoc.facts.TraceDirection;
import java.util.Locale;

/**
 * An SCCP station line: in SDL {@code StationInit: (0005195) InboundStim - KeepAliveMessageID} and
 * {@code StationD: (0005195) ... stationOutputKeepAliveAck}; in the older SDI {@code StationInit -
 * InboundStim - KeepAliveMessage - Forward KeepAlive to StationD. DeviceName=SEP...,
 * TCPHandle=0x.., IPAddr=192.0.2.231, Port=52095, ...}, {@code StationInit - Processing StationReg.
 * ...}, {@code StationInit - New connection accepted. ...} and {@code StationD -
 * stationOutputKeepAliveAck tcpHandle=0x4fbbc30}. Public SDL excerpts show the inbound form only
 * for other messages; the registration and keepalive words are inferred from it
 * (docs/ccm-traces.md). Read by hand: a busy node writes a keepalive line per phone every 30 s.
 *
 * @param word the message as written (KeepAliveMessage, RegisterAck, NewConnection)
 * @param messageId the SCCP id the word names, -1 for none
 * @param name Wireshark's name of the id, else the word
 * @param instance the StationD instance, -1 when the line gave none
 */
record StationLine(
    TraceDirection direction,
    String word,
    int messageId,
    String name,
    long instance,
    String deviceName,
    String ip,
    int port,
    String tcpHandle) {

  /** The station line in {@code payload}, or null when it is none or names no message. */
  static StationLine parse(String payload) {
    long instance = -1;
    if (payload.startsWith("StationInit:") || payload.startsWith("StationD:")) {
      instance = instance(payload, payload.indexOf(':') + 1);
      if (instance < 0) {
        return null;
      }
    } else if (!payload.startsWith("StationInit - ") && !payload.startsWith("StationD - ")) {
      return null;
    }
    TraceDirection direction = TraceDirection.INCOMING;
    String word;
    int at;
    if (payload.contains("New connection accepted")) {
      word = "NewConnection";
    } else if (payload.contains("Processing StationReg")) {
      word = "StationReg";
    } else if ((at = payload.indexOf("InboundStim - ")) >= 0) {
      word = letters(payload, at + "InboundStim - ".length());
    } else if ((at = payload.indexOf("stationOutput")) >= 0) {
      word = letters(payload, at + "stationOutput".length());
      direction = TraceDirection.OUTGOING;
    } else {
      return null;
    }
    if (word.isEmpty()) {
      return null;
    }
    int id = SccpWords.id(word);
    String handle = value(payload, "TCPHandle=0x", 16);
    if (handle == null) {
      handle = value(payload, "tcpHandle=0x", 16);
    }
    String port = value(payload, "Port=", 5);
    return new StationLine(
        direction,
        word,
        id,
        id >= 0 ? SccpWords.name(id) : word,
        instance,
        value(payload, "DeviceName=", 64),
        value(payload, "IPAddr=", 45),
        port == null || !isDigits(port) ? -1 : Integer.parseInt(port),
        handle == null ? null : "0x" + handle.toLowerCase(Locale.ROOT));
  }

  /** Registration, keepalive and their answers; the rest (call handling) is only counted. */
  boolean isRegistrationTraffic() {
    return messageId >= 0 || word.equals("NewConnection");
  }

  /** The number in {@code (0005195)} after {@code from}, blanks before it allowed; -1 otherwise. */
  private static long instance(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    if (i >= s.length() || s.charAt(i) != '(') {
      return -1;
    }
    int close = s.indexOf(')', i);
    if (close < 0
        || close - i - 1 < 1
        || close - i - 1 > 10
        || !isDigits(s.substring(i + 1, close))) {
      return -1;
    }
    return Long.parseLong(s, i + 1, close, 10);
  }

  private static String letters(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isLetter(s.charAt(i)) && s.charAt(i) < 0x80) {
      i++;
    }
    return s.substring(from, i);
  }

  /**
   * The value after {@code key}: letters, digits, '.', ':', '_' and '-' up to {@code max} of them;
   * null when the key is absent or the value empty.
   */
  private static String value(String s, String key, int max) {
    int at = s.indexOf(key);
    if (at < 0) {
      return null;
    }
    int from = at + key.length();
    int i = from;
    while (i < s.length() && i - from < max && isValueChar(s.charAt(i))) {
      i++;
    }
    return i == from ? null : s.substring(from, i);
  }

  private static boolean isValueChar(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '.'
        || c == ':'
        || c == '_'
        || c == '-';
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
