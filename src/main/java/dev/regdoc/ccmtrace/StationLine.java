package dev.regdoc.ccmtrace;

import dev.regdoc.facts.TraceDirection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SCCP station line: in SDL {@code StationInit: (0005195) InboundStim - KeepAliveMessageID} and
 * {@code StationD: (0005195) ... stationOutputKeepAliveAck}; in the older SDI {@code StationInit -
 * InboundStim - KeepAliveMessage - Forward KeepAlive to StationD. DeviceName=SEP...,
 * TCPHandle=0x.., IPAddr=192.0.2.231, Port=52095, ...}, {@code StationInit - Processing StationReg.
 * ...}, {@code StationInit - New connection accepted. ...} and {@code StationD -
 * stationOutputKeepAliveAck tcpHandle=0x4fbbc30}. Public SDL excerpts show the inbound form only
 * for other messages; the registration and keepalive words are inferred from it
 * (docs/ccm-traces.md).
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

  private static final Pattern SDL = Pattern.compile("^Station(?:Init|D): *+\\((\\d{1,10}+)\\)");
  private static final Pattern INBOUND = Pattern.compile("InboundStim - ([A-Za-z]++)");
  private static final Pattern OUTPUT = Pattern.compile("stationOutput([A-Za-z]++)");
  private static final Pattern HANDLE =
      Pattern.compile("(?:TCPHandle|tcpHandle)=(0x[0-9A-Fa-f]{1,16}+)");
  private static final Pattern DEVICE = Pattern.compile("DeviceName=([A-Za-z0-9_.-]{1,64}+)");
  private static final Pattern IP = Pattern.compile("IPAddr=([0-9A-Fa-f.:]{2,45}+)");
  private static final Pattern PORT = Pattern.compile("\\bPort=(\\d{1,5}+)");

  /** The station line in {@code payload}, or null when it is none or names no message. */
  static StationLine parse(String payload) {
    if (!payload.startsWith("Station")) {
      return null;
    }
    long instance = -1;
    Matcher sdl = SDL.matcher(payload);
    if (sdl.find()) {
      instance = Long.parseLong(sdl.group(1));
    } else if (!payload.startsWith("StationInit - ") && !payload.startsWith("StationD - ")) {
      return null;
    }
    TraceDirection direction = TraceDirection.INCOMING;
    String word = null;
    if (payload.contains("New connection accepted")) {
      word = "NewConnection";
    } else if (payload.contains("Processing StationReg")) {
      word = "StationReg";
    } else {
      Matcher in = INBOUND.matcher(payload);
      Matcher out = OUTPUT.matcher(payload);
      if (in.find()) {
        word = in.group(1);
      } else if (out.find()) {
        word = out.group(1);
        direction = TraceDirection.OUTGOING;
      }
    }
    if (word == null) {
      return null;
    }
    int id = SccpWords.id(word);
    return new StationLine(
        direction,
        word,
        id,
        id >= 0 ? SccpWords.name(id) : word,
        instance,
        group(DEVICE, payload),
        group(IP, payload),
        port(payload),
        group(HANDLE, payload) == null ? null : group(HANDLE, payload).toLowerCase(Locale.ROOT));
  }

  /** Registration, keepalive and their answers; the rest (call handling) is only counted. */
  boolean isRegistrationTraffic() {
    return messageId >= 0 || word.equals("NewConnection");
  }

  private static String group(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  private static int port(String s) {
    String p = group(PORT, s);
    return p == null ? -1 : Integer.parseInt(p);
  }
}
