package dev.regdoc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes lines in the layout of a Cisco CallManager SDL trace file as CUCM 10 to 15 writes it (see
 * docs/ccm-traces.md): a FileHead line, then records {@code NNNNNNNN.NNN |HH:MM:SS.mmm |Type
 * |payload}, where a signal takes a new number and the AppInfo lines written while it is handled
 * reuse it with .001, .002 and so on. SIP messages follow their "Incoming/Outgoing SIP ... message"
 * line and a {@code [N,NET]} line, one line per SIP line. Used by the bench and the test fixtures;
 * the wording of SCCP and alarm lines that no public trace shows is this project's inference, as
 * the document says.
 */
public final class SdlTraceWriter {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

  /**
   * What the FileHead line says about the node and the service.
   *
   * @param appName CCM for Cisco CallManager; another name for another service's trace
   * @param appId 100 for CallManager
   */
  public record Node(
      String hostName,
      String hostIp,
      int nodeId,
      ZoneOffset zone,
      String appName,
      int appId,
      LocalDateTime serviceStart) {

    /** Cisco CallManager on this host. */
    public static Node callManager(
        String hostName, String hostIp, int nodeId, ZoneOffset zone, LocalDateTime start) {
      return new Node(hostName, hostIp, nodeId, zone, "CCM", 100, start);
    }

    /** The trace file name CUCM gives the {@code n}-th file, e.g. SDL001_100_000001.txt. */
    public String fileName(int n) {
      return String.format(Locale.ROOT, "SDL%03d_%03d_%06d.txt", nodeId, appId, n);
    }
  }

  private final Appendable out;
  private long seq;
  private int sub;
  private long sipCounter;

  /**
   * @param firstSeq the record number to continue from (CUCM does not reset it at a new file)
   * @param firstSipCounter the next N of {@code [N,NET]}
   */
  public SdlTraceWriter(Appendable out, long firstSeq, long firstSipCounter) {
    this.out = out;
    this.seq = firstSeq;
    this.sipCounter = firstSipCounter;
  }

  public long seq() {
    return seq;
  }

  public long sipCounter() {
    return sipCounter;
  }

  /** The first line of a file; {@code fileNumber} is the header's own counter. */
  public SdlTraceWriter fileHead(Node n, LocalDateTime start, long fileNumber) {
    String payload =
        "UTC:"
            + offset(n.zone())
            + ",Date: "
            + DATE.format(start)
            + ", AppName: "
            + n.appName()
            + ", AppId: "
            + n.appId()
            + ", AppNodeId: "
            + n.nodeId()
            + ", AppVersion: CUCM Install=14.0.1.13900-155 Build=14.0.1.13900-155 memlog=20,"
            + " HostName: "
            + n.hostName()
            + ", HostIPAddress: "
            + n.hostIp()
            + ", AppStartTime: "
            + START.format(n.serviceStart())
            + ", FileNumber: "
            + fileNumber
            + ", TraceVer: 3.0";
    return record(++seq, 0, start.toLocalTime(), "FileHead", payload);
  }

  /**
   * A signal between two SDL processes; {@code tag} is {@code node,app,x,y.z^deviceIp^deviceName}
   * or {@code *}.
   */
  public SdlTraceWriter signal(
      LocalTime t, String name, String state, String receiver, String sender, String tag) {
    sub = 0;
    return record(
        ++seq,
        0,
        t,
        "SdlSig",
        name
            + " |"
            + state
            + " |"
            + receiver
            + " |"
            + sender
            + " |"
            + tag
            + " |[R:N-H:0,N:1,L:0,V:0,Z:0,D:0] *TraceFlagOverrode");
  }

  /** An AppInfo line written while the last signal is handled. */
  public SdlTraceWriter info(LocalTime t, String payload) {
    return record(seq, ++sub, t, "AppInfo", payload);
  }

  /** The periodic statistics line. */
  public SdlTraceWriter stat(LocalTime t, int lines, int bytes) {
    sub = 0;
    return record(
        ++seq,
        0,
        t,
        "SdlStat",
        "Period: 6s #Lines: "
            + lines
            + " #Bytes: "
            + bytes
            + " Total Number of Buffers: 10000 Free LatentBuffers: 9999 Free Buffers: 9987");
  }

  /** A cache timer signal, the commonest line of an idle node. */
  public SdlTraceWriter timer(LocalTime t) {
    return signal(
        t,
        "DbObjectCacheTimer",
        "wait",
        "DbObjectCache(1,100,224,1)",
        "SdlTimerService(1,100,3,1)",
        "1,100,14,1.1^*^*");
  }

  /**
   * A SIP message CUCM received over TCP ({@code tls}: TLS) from {@code ip:port} on connection
   * {@code index}; {@code message} is the message as sent, CRLF lines.
   */
  public SdlTraceWriter sipTcpIn(
      LocalTime t, String ip, int port, long index, String message, boolean tls) {
    info(t, incomingTcp(ip, port, index, message.length(), tls));
    return sipText(message);
  }

  /** A SIP message CUCM sent over TCP on connection {@code index}. */
  public SdlTraceWriter sipTcpOut(LocalTime t, String ip, int port, long index, String message) {
    info(t, outgoingTcp(ip, port, index));
    return sipText(message);
  }

  /** A SIP message CUCM received over UDP. */
  public SdlTraceWriter sipUdpIn(LocalTime t, String ip, int port, String message) {
    info(t, incomingUdp(ip, port, message.length()));
    return sipText(message);
  }

  /** A SIP message CUCM sent over UDP. */
  public SdlTraceWriter sipUdpOut(LocalTime t, String ip, int port, String message) {
    info(t, outgoingUdp(ip, port));
    return sipText(message);
  }

  /** The AppInfo text before a SIP message CUCM received over TCP. */
  public static String incomingTcp(String ip, int port, long index, int bytes, boolean tls) {
    return "SIPTcp - wait_SdlReadRsp: Incoming SIP "
        + (tls ? "TLS" : "TCP")
        + " message from "
        + ip
        + " on port "
        + port
        + " index "
        + index
        + " with "
        + bytes
        + " bytes:";
  }

  /** The AppInfo text before a SIP message CUCM sent over TCP (no size in this one). */
  public static String outgoingTcp(String ip, int port, long index) {
    return "SIPTcp - wait_SdlSPISignal: Outgoing SIP TCP message to "
        + ip
        + " on port "
        + port
        + " index "
        + index;
  }

  public static String incomingUdp(String ip, int port, int bytes) {
    return "//SIP/SIPUdp/wait_SdlDataInd: Incoming SIP UDP message size "
        + bytes
        + " from "
        + ip
        + ":["
        + port
        + "]:";
  }

  public static String outgoingUdp(String ip, int port) {
    return "//SIP/SIPUdp/wait_SdlSPISignal: Outgoing SIP UDP message to " + ip + ":[" + port + "]:";
  }

  /** The {@code [N,NET]} line before a message, taking the next N. */
  public String netMarker() {
    return "[" + sipCounter++ + ",NET]";
  }

  /** The {@code [N,NET]} line and the message, one trace line per SIP line. */
  private SdlTraceWriter sipText(String message) {
    line(netMarker());
    for (String l : messageLines(message)) {
      line(l);
    }
    return this;
  }

  /** The lines of a CRLF message as the trace shows them: the blank line ending the head kept. */
  public static String[] messageLines(String message) {
    String m = message.endsWith("\r\n") ? message.substring(0, message.length() - 2) : message;
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int at = m.indexOf("\r\n"); at >= 0; at = m.indexOf("\r\n", from)) {
      lines.add(m.substring(from, at));
      from = at + 2;
    }
    lines.add(m.substring(from));
    return lines.toArray(new String[0]);
  }

  /** A message the SCCP phone sent, as StationInit logs it: {@code KeepAlive}, {@code Register}. */
  public SdlTraceWriter sccpIn(LocalTime t, long instance, String message) {
    return info(
        t,
        String.format(
            Locale.ROOT, "StationInit: (%07d) InboundStim - %sMessageID", instance, message));
  }

  /** A message StationD sent the SCCP phone: {@code KeepAliveAck}, {@code RegisterAck}. */
  public SdlTraceWriter sccpOut(LocalTime t, long instance, String message, String tcpHandle) {
    StringBuilder b = new StringBuilder("StationD:    (");
    digits(b, instance, 7).append(") INFO  stationOutput").append(message);
    return info(t, b.append(" tcpHandle=").append(tcpHandle).toString());
  }

  /** The tag tying a signal to a device: {@code 1,100,14,instance.1^ip^device}. */
  public static String deviceTag(int nodeId, long instance, String ip, String device) {
    return nodeId + ",100,14," + instance + ".1^" + ip + "^" + device;
  }

  /**
   * An alarm as CUCM writes it into the trace: its prose on an AppInfo line, then an {@code
   * Alarm<Sev>} line with {@code key:value} parameters.
   */
  public SdlTraceWriter alarm(
      LocalTime t, String name, String severity, String prose, Map<String, String> parameters) {
    info(t, name + " - " + prose);
    String params =
        parameters.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(", "));
    return record(
        seq,
        ++sub,
        t,
        "Error".equals(severity)
            ? "AlarmErr"
            : "Alarm" + severity.substring(0, Math.min(4, severity.length())),
        "AlarmClass: CallManager, AlarmName: "
            + name
            + ", AlarmSeverity: "
            + severity
            + ", AlarmMessage: , AlarmDescription: "
            + prose
            + ", AlarmParameters: "
            + params
            + ",");
  }

  /** A line as given (a continuation, or a deliberately damaged line). */
  public SdlTraceWriter line(String text) {
    try {
      out.append(text).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private SdlTraceWriter record(long n, int s, LocalTime t, String type, String payload) {
    // by hand, not String.format: the bench writes hundreds of megabytes of these
    StringBuilder b = new StringBuilder(40 + payload.length());
    digits(b, n % 100_000_000L, 8).append('.');
    digits(b, s, 3).append(" |");
    digits(b, t.getHour(), 2).append(':');
    digits(b, t.getMinute(), 2).append(':');
    digits(b, t.getSecond(), 2).append('.');
    digits(b, t.getNano() / 1_000_000, 3).append(" |").append(type);
    for (int i = type.length(); i < 9; i++) {
      b.append(' ');
    }
    return line(b.append('|').append(payload).toString());
  }

  private static StringBuilder digits(StringBuilder b, long v, int width) {
    String d = Long.toString(v);
    for (int i = d.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(d);
  }

  private static String offset(ZoneOffset z) {
    return z.getTotalSeconds() == 0 ? "+00:00" : z.getId();
  }

  /** The date a FileHead gives: {@code yyyy/MM/dd}. */
  public static String headDate(LocalDate d) {
    return DATE.format(d);
  }
}
