package dev.regdoc.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a large CallManager SDL trace of a busy node for the bench: 1000 SIP phones refreshing
 * their registration every 115 s (REGISTER, 100 Trying, 200 OK), 500 SCCP phones keeping alive
 * every 30 s, a trunk's NOTIFY every 2 s, and between them the call-processing signals, digit
 * analysis dumps, timers and statistics that fill most of a real trace. Deterministic: the same
 * size gives the same bytes. About 45 % of the bytes are registration traffic, the part the reader
 * parses in full.
 */
public final class BenchTraceWriter {
  static final int SIP_PHONES = 1000;
  static final int SCCP_PHONES = 500;
  private static final int TICK_MILLIS = 100;

  /** What was written. */
  public static final class Counts {
    public long bytes;
    public long lines;
    public long registers;
    public long keepalives;

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,d lines, %,d REGISTER, %,d SCCP keepalives",
          lines,
          registers,
          keepalives);
    }
  }

  /** Writes at least {@code bytes} to {@code file}; gzip-compressed when it ends in .gz. */
  public Counts write(Path file, long bytes) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.toString().endsWith(".gz") ? fastGzip(raw) : raw;
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      return write(w, bytes);
    }
  }

  /** Writes at least {@code bytes} characters to {@code out}. */
  public Counts write(Writer out, long bytes) {
    Counts c = new Counts();
    Appendable counting =
        new Appendable() {
          @Override
          public Appendable append(CharSequence s) {
            return append(s, 0, s.length());
          }

          @Override
          public Appendable append(CharSequence s, int start, int end) {
            try {
              out.append(s, start, end);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            c.bytes += end - start;
            return this;
          }

          @Override
          public Appendable append(char ch) {
            if (ch == '\n') {
              c.lines++;
            }
            return append(String.valueOf(ch));
          }
        };
    SdlTraceWriter w = new SdlTraceWriter(counting, 28_000_000, 100_000);
    LocalDateTime start = LocalDateTime.of(2024, 8, 11, 23, 30);
    w.fileHead(
        SdlTraceWriter.Node.callManager(
            "cucm-pub", "198.51.100.10", 1, ZoneOffset.ofHours(-5), start.minusDays(20)),
        start,
        1);
    for (long tick = 0; c.bytes < bytes; tick++) {
      LocalTime t = start.toLocalTime().plusNanos(tick * TICK_MILLIS * 1_000_000L);
      noise(w, t, tick);
      registrations(w, t, tick, c);
      keepalives(w, t, tick, c);
      if (tick % 20 == 0) {
        notify(w, t, tick);
      }
    }
    return c;
  }

  private static void noise(SdlTraceWriter w, LocalTime t, long tick) {
    for (int i = 0; i < 6; i++) {
      long ci = 17_000_000 + tick * 3 + i;
      w.signal(
          t,
          i % 2 == 0 ? "CcSetupReq" : "CcConnInd",
          "connected",
          "Cdcc(1,100,224," + (ci % 4000) + ")",
          "Cdcc(1,100,224," + ((ci + 7) % 4000) + ")",
          "1,100,14," + (ci % 9000) + ".1^*^*");
    }
    for (int i = 0; i < 3; i++) {
      w.info(t, "Digit Analysis: star_DaReq: daReq.partitionSearchSpace(:PT_Internal:PT_Local)");
      w.line("|   Digit Analysis: Matching Pattern=" + (2000 + (tick + i) % 8000) + ", Partition=");
      w.line("|   PretransformCallingPartyNumber=" + (5000 + i) + " CallingPartyNumber=5000");
      w.line("|   DialingPatternRegularExpression=(" + (2000 + (tick + i) % 8000) + ")");
    }
    if (tick % 10 == 0) {
      w.timer(t);
    }
    if (tick % 60 == 0) {
      w.stat(t, 60, 9670);
    }
  }

  /** The phones whose refresh falls in this tick: phone i refreshes at i·115/1000 s + k·115 s. */
  private static void registrations(SdlTraceWriter w, LocalTime t, long tick, Counts c) {
    long cycleTicks = 115_000 / TICK_MILLIS;
    long inCycle = tick % cycleTicks;
    for (long p = inCycle * SIP_PHONES / cycleTicks;
        p < (inCycle + 1) * SIP_PHONES / cycleTicks;
        p++) {
      long cseq = 100 + tick / cycleTicks;
      String ip = "192.0.2." + (p % 250 + 1);
      int port = 50_000 + (int) p;
      long index = 10_000 + p;
      String register = register(p, ip, port, cseq);
      w.signal(t, "SdlReadRsp", "wait", "SIPTcp(1,100,60,1)", "SdlTCPConnection(1,100,58,1)", "*");
      w.sipTcpIn(t, ip, port, index, register, false);
      w.signal(
          t,
          "SIPRegisterInd",
          "restart0",
          "SIPStationD(1,100,72," + p + ")",
          "SIPHandler(1,100,221,1)",
          SdlTraceWriter.deviceTag(1, p, ip, device(p)));
      w.sipTcpOut(t, ip, port, index, response(register, "100 Trying", null));
      w.sipTcpOut(t, ip, port, index, response(register, "200 OK", "Expires: 120\r\n"));
      c.registers++;
    }
  }

  private static void keepalives(SdlTraceWriter w, LocalTime t, long tick, Counts c) {
    long cycleTicks = 30_000 / TICK_MILLIS;
    long inCycle = tick % cycleTicks;
    for (long p = inCycle * SCCP_PHONES / cycleTicks;
        p < (inCycle + 1) * SCCP_PHONES / cycleTicks;
        p++) {
      long instance = 5000 + p;
      w.signal(
          t,
          "StationInputInd",
          "restart0",
          "StationD(1,100,64," + instance + ")",
          "StationInit(1,100,63,1)",
          SdlTraceWriter.deviceTag(1, instance, "198.51.100." + (p % 250 + 1), device(10_000 + p)));
      w.sccpIn(t, instance, "KeepAlive");
      w.sccpOut(t, instance, "KeepAliveAck", "0x" + Long.toHexString(0x4fb0000L + p));
      c.keepalives++;
    }
  }

  private static void notify(SdlTraceWriter w, LocalTime t, long tick) {
    String n =
        "NOTIFY sip:5000@198.51.100.10:5060 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 203.0.113.5:5060;branch=z9hG4bK"
            + tick
            + "\r\nCall-ID: n"
            + tick
            + "@203.0.113.5\r\nCSeq: "
            + tick
            + " NOTIFY\r\nEvent: presence\r\nContent-Length: 0\r\n\r\n";
    w.sipTcpIn(t, "203.0.113.5", 5060, 9000, n, false);
    w.sipTcpOut(t, "203.0.113.5", 5060, 9000, response(n, "200 OK", null));
  }

  private static String device(long p) {
    String hex = Long.toHexString(p).toUpperCase(Locale.ROOT);
    return "SEP0A1B" + "00000000".substring(hex.length()) + hex;
  }

  private static String register(long p, String ip, int port, long cseq) {
    return "REGISTER sip:198.51.100.10 SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP "
        + ip
        + ":"
        + port
        + ";branch=z9hG4bK"
        + Long.toHexString(p * 7919 + cseq)
        + "\r\nFrom: <sip:"
        + (2000 + p)
        + "@198.51.100.10>;tag="
        + Long.toHexString(p)
        + "\r\nTo: <sip:"
        + (2000 + p)
        + "@198.51.100.10>\r\nCall-ID: "
        + Long.toHexString(0x0a1b0000L + p)
        + "-reg@"
        + ip
        + "\r\nMax-Forwards: 70\r\nCSeq: "
        + cseq
        + " REGISTER\r\nUser-Agent: Cisco-CP8845/14.2.1\r\nContact: <sip:"
        + Long.toHexString(p)
        + "@"
        + ip
        + ":"
        + port
        + ";transport=tcp>;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0a1b"
        + device(p).substring(7).toLowerCase(Locale.ROOT)
        + ">\";+u.sip!devicename.ccm.cisco.com=\""
        + device(p)
        + "\";+u.sip!model.ccm.cisco.com=\"36670\"\r\n"
        + "Supported: replaces,join,sdp-anat,norefersub,X-cisco-config,X-cisco-sis-10.0.0\r\n"
        + "Content-Length: 0\r\nExpires: 3600\r\n\r\n";
  }

  /** An answer copying the request's Via, Call-ID and CSeq lines. */
  private static String response(String request, String status, String extra) {
    StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
    for (String line : SdlTraceWriter.messageLines(request)) {
      if (line.startsWith("Via:") || line.startsWith("Call-ID:") || line.startsWith("CSeq:")) {
        sb.append(line).append("\r\n");
      }
    }
    if (extra != null) {
      sb.append(extra);
    }
    return sb.append("Content-Length: 0\r\n\r\n").toString();
  }

  private static OutputStream fastGzip(OutputStream raw) throws IOException {
    return new GZIPOutputStream(raw, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }
}
