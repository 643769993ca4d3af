package dev.regdoc.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes large, deterministic classic pcap files (nanosecond, Ethernet) fast, straight from byte
 * templates: RTP and bulk TCP as background, SIP REGISTER/200 OK over TCP with consistent sequence
 * numbers and some retransmissions, SCCP keepalives, and ARP (with one proxy-style second answer).
 * Counts what it wrote, so a reader's counts can be checked against it.
 */
public final class BenchCaptureWriter {
  /** What was written. */
  public static final class Counts {
    public long packets;
    public long bytes;
    public long registers;
    public long registerRetransmissions;
    public long sccpKeepalives;
    public long arpReplies;

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,d packets, %,d REGISTER (+%,d retransmitted), %,d SCCP keepalives, %,d ARP replies",
          packets,
          registers,
          registerRetransmissions,
          sccpKeepalives,
          arpReplies);
    }
  }

  /** How much of the traffic is signaling: "mixed" (a few %) or "sip-dense" (nearly all). */
  public enum Profile {
    MIXED,
    SIP_DENSE
  }

  private static final int PHONES = 4000;
  private final Random random = new Random(42);
  private final byte[] frame = new byte[1600];
  private final long[] phoneSeq = new long[PHONES];
  private final long[] serverSeq = new long[PHONES];
  private final int[] cseq = new int[PHONES];
  private final long[] sccpSeq = new long[PHONES];
  private long nanos = 1_700_000_000L * 1_000_000_000L;
  private OutputStream out;
  private final Counts counts = new Counts();

  public Counts write(Path file, Profile profile, long targetBytes) throws IOException {
    return write(file, profile, targetBytes, targetBytes);
  }

  /**
   * A MIXED capture whose first {@code signalingBytes} are as {@link #write} makes them and whose
   * rest, up to {@code targetBytes}, is media and bulk TCP only: the signaling of a small capture
   * in a large one.
   */
  public Counts writePadded(Path file, long signalingBytes, long targetBytes) throws IOException {
    return write(file, Profile.MIXED, signalingBytes, targetBytes);
  }

  private Counts write(Path file, Profile profile, long signalingBytes, long targetBytes)
      throws IOException {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out = o;
      header();
      for (int i = 0; i < PHONES; i++) {
        phoneSeq[i] = random.nextInt() & 0xffffffffL;
        serverSeq[i] = random.nextInt() & 0xffffffffL;
      }
      while (counts.bytes < Math.min(signalingBytes, targetBytes)) {
        step(profile);
      }
      while (counts.bytes < targetBytes) {
        if (random.nextInt(1000) < 700) {
          rtp();
        } else {
          bulkTcp();
        }
      }
    }
    return counts;
  }

  private void step(Profile profile) throws IOException {
    int r = random.nextInt(1000);
    if (profile == Profile.SIP_DENSE) {
      if (r < 5) {
        sccpKeepalive();
      } else if (r < 7) {
        arp();
      } else {
        register();
      }
      return;
    }
    if (r < 25) {
      register();
    } else if (r < 30) {
      sccpKeepalive();
    } else if (r < 32) {
      arp();
    } else if (r < 700) {
      rtp();
    } else {
      bulkTcp();
    }
  }

  /** REGISTER from a phone, 2 % retransmitted, then 200 OK and the phone's ACK. */
  private void register() throws IOException {
    int p = random.nextInt(PHONES);
    String req =
        "REGISTER sip:198.51.100.10 SIP/2.0\r\nVia: SIP/2.0/TCP 10.1."
            + (p >> 8)
            + "."
            + (p & 255)
            + ":50000;branch=z9hG4bK"
            + p
            + "x"
            + cseq[p]
            + "\r\nFrom: <sip:"
            + (1000 + p)
            + "@198.51.100.10>;tag="
            + p
            + "\r\nTo: <sip:"
            + (1000 + p)
            + "@198.51.100.10>\r\nCall-ID: call-"
            + p
            + "@bench\r\nCSeq: "
            + (++cseq[p])
            + " REGISTER\r\nContact: <sip:"
            + p
            + "@10.1."
            + (p >> 8)
            + "."
            + (p & 255)
            + ":50000;transport=tcp>;+u.sip!devicename.ccm.cisco.com=\"SEP"
            + String.format("%012X", 0x001122000000L + p)
            + "\";+u.sip!model.ccm.cisco.com=\"568\""
            + ";+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-"
            + String.format("%012x", 0x001122000000L + p)
            + ">\"\r\n"
            + "Max-Forwards: 70\r\n"
            + "Date: Mon, 05 Jan 2026 08:00:00 GMT\r\n"
            + "User-Agent: Cisco-CP8841/14.2.1\r\n"
            + "Supported:"
            + " replaces,join,sdp-anat,norefersub,resource-priority,extended-refer,"
            + "X-cisco-callinfo,X-cisco-serviceuri,X-cisco-escapecodes,X-cisco-service-control,"
            + "X-cisco-srtp-fallback,X-cisco-monrec,X-cisco-config,X-cisco-sis-7.0.0,"
            + "X-cisco-xsi-8.5.1\r\n"
            + "Allow: ACK,BYE,CANCEL,INVITE,NOTIFY,OPTIONS,REFER,REGISTER,UPDATE,SUBSCRIBE,INFO\r\n"
            + "Reason: SIP;cause=200;text=\"cisco-alarm:25 Name=SEP"
            + String.format("%012X", 0x001122000000L + p)
            + " Load=sip88xx.14-2-1\"\r\n"
            + "Expires: 3600\r\nContent-Length: 0\r\n\r\n";
    byte[] payload = req.getBytes(StandardCharsets.ISO_8859_1);
    tcp(p, true, 50000, 5060, payload, phoneSeq[p], serverSeq[p]);
    counts.registers++;
    if (random.nextInt(50) == 0) {
      tcp(p, true, 50000, 5060, payload, phoneSeq[p], serverSeq[p]);
      counts.registerRetransmissions++;
    }
    phoneSeq[p] = (phoneSeq[p] + payload.length) & 0xffffffffL;
    byte[] ok =
        ("SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 10.1."
                + (p >> 8)
                + "."
                + (p & 255)
                + ":50000;branch=z9hG4bK"
                + p
                + "x"
                + (cseq[p] - 1)
                + "\r\nFrom: <sip:"
                + (1000 + p)
                + "@198.51.100.10>;tag="
                + p
                + "\r\nTo: <sip:"
                + (1000 + p)
                + "@198.51.100.10>;tag=1708299782\r\n"
                + "Date: Mon, 05 Jan 2026 08:00:00 GMT\r\nCall-ID: call-"
                + p
                + "@bench\r\nCSeq: "
                + cseq[p]
                + " REGISTER\r\nExpires: 120\r\n"
                + "Contact: <sip:"
                + p
                + "@10.1."
                + (p >> 8)
                + "."
                + (p & 255)
                + ":50000;transport=tcp>;+u.sip!devicename.ccm.cisco.com=\"SEP"
                + String.format("%012X", 0x001122000000L + p)
                + "\"\r\n"
                + "Supported: X-cisco-srtp-fallback,X-cisco-sis-7.0.0\r\n"
                + "Content-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    tcp(p, false, 5060, 50000, ok, serverSeq[p], phoneSeq[p]);
    serverSeq[p] = (serverSeq[p] + ok.length) & 0xffffffffL;
    tcp(p, true, 50000, 5060, new byte[0], phoneSeq[p], serverSeq[p]);
  }

  private void sccpKeepalive() throws IOException {
    int p = random.nextInt(PHONES);
    byte[] req = {4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] ack = {4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
    long ps = (p * 7919L + sccpSeq[p]) & 0xffffffffL;
    long ss = (p * 104729L + sccpSeq[p]) & 0xffffffffL;
    sccpSeq[p] += 12;
    tcp(p, true, 49152, 2000, req, ps, ss);
    tcp(p, false, 2000, 49152, ack, ss, (ps + 12) & 0xffffffffL);
    counts.sccpKeepalives++;
  }

  private void arp() throws IOException {
    int p = random.nextInt(PHONES);
    arpReply(p, 0x0050_56aa_0001L);
    if (p % 97 == 0) {
      arpReply(p, 0x580a_20fb_071fL); // a second, different answer for the same address
    }
  }

  private void arpReply(int p, long senderMac) throws IOException {
    int n = 0;
    n = mac(n, 0x0011_2200_0000L + p);
    n = mac(n, senderMac);
    frame[n++] = 0x08;
    frame[n++] = 0x06;
    byte[] fixed = {0, 1, 8, 0, 6, 4, 0, 2};
    System.arraycopy(fixed, 0, frame, n, 8);
    n += 8;
    n = mac(n, senderMac);
    n = ip(n, 198, 51, 100, 10);
    n = mac(n, 0x0011_2200_0000L + p);
    n = ip(n, 10, 1, p >> 8, p & 255);
    while (n < 60) {
      frame[n++] = 0;
    }
    record(n);
    counts.arpReplies++;
  }

  private void rtp() throws IOException {
    int stream = random.nextInt(2000);
    byte[] payload = new byte[172];
    payload[0] = (byte) 0x80;
    payload[2] = (byte) (counts.packets >> 8);
    payload[3] = (byte) counts.packets;
    int n = ethIp(17, 10, 2, stream >> 8, stream & 255, 10, 3, 0, 1, 8 + payload.length);
    n = udp(n, 16384 + 2 * stream, 20000 + 2 * stream, payload);
    record(n);
  }

  private void bulkTcp() throws IOException {
    int flow = random.nextInt(500);
    boolean data = random.nextInt(3) > 0;
    byte[] payload = data ? new byte[1448] : new byte[0];
    int n = ethIp(6, 10, 4, 0, flow & 255, 10, 5, 0, 1, 20 + payload.length);
    n = tcpHeader(n, 40000 + flow, 443, counts.packets * 1448, counts.packets, data ? 0x18 : 0x10);
    System.arraycopy(payload, 0, frame, n, payload.length);
    record(n + payload.length);
  }

  private void tcp(
      int p, boolean fromPhone, int sport, int dport, byte[] payload, long seq, long ack)
      throws IOException {
    int n =
        fromPhone
            ? ethIp(6, 10, 1, p >> 8, p & 255, 198, 51, 100, 10, 20 + payload.length)
            : ethIp(6, 198, 51, 100, 10, 10, 1, p >> 8, p & 255, 20 + payload.length);
    n = tcpHeader(n, sport, dport, seq, ack, payload.length > 0 ? 0x18 : 0x10);
    System.arraycopy(payload, 0, frame, n, payload.length);
    record(n + payload.length);
  }

  private int ethIp(
      int proto, int a, int b, int c, int d, int e, int f, int g, int h, int l4Length) {
    int n = mac(0, 0x0000_0c07_ac0aL);
    n = mac(n, 0x0011_2233_4455L);
    frame[n++] = 0x08;
    frame[n++] = 0x00;
    int ipStart = n;
    int total = 20 + l4Length;
    frame[n++] = 0x45;
    frame[n++] = 0;
    frame[n++] = (byte) (total >> 8);
    frame[n++] = (byte) total;
    frame[n++] = 0;
    frame[n++] = 0;
    frame[n++] = 0x40;
    frame[n++] = 0;
    frame[n++] = 64;
    frame[n++] = (byte) proto;
    frame[n++] = 0;
    frame[n++] = 0;
    n = ip(n, a, b, c, d);
    n = ip(n, e, f, g, h);
    int sum = 0;
    for (int i = ipStart; i < ipStart + 20; i += 2) {
      sum += ((frame[i] & 0xff) << 8) | (frame[i + 1] & 0xff);
    }
    while (sum > 0xffff) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    sum = ~sum & 0xffff;
    frame[ipStart + 10] = (byte) (sum >> 8);
    frame[ipStart + 11] = (byte) sum;
    return n;
  }

  private int tcpHeader(int n, int sport, int dport, long seq, long ack, int flags) {
    n = u16(n, sport);
    n = u16(n, dport);
    n = u32(n, seq);
    n = u32(n, ack);
    frame[n++] = 0x50;
    frame[n++] = (byte) flags;
    n = u16(n, 8192);
    n = u16(n, 0);
    return u16(n, 0);
  }

  private int udp(int n, int sport, int dport, byte[] payload) {
    n = u16(n, sport);
    n = u16(n, dport);
    n = u16(n, 8 + payload.length);
    n = u16(n, 0);
    System.arraycopy(payload, 0, frame, n, payload.length);
    return n + payload.length;
  }

  private void header() throws IOException {
    byte[] h = new byte[24];
    int[] v = {
      0x4d, 0x3c, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0
    };
    for (int i = 0; i < 24; i++) {
      h[i] = (byte) v[i];
    }
    out.write(h);
    counts.bytes += 24;
  }

  private final byte[] rec = new byte[16];

  private void record(int len) throws IOException {
    nanos += 20_000 + random.nextInt(20_000);
    long sec = nanos / 1_000_000_000L;
    long ns = nanos % 1_000_000_000L;
    le32(0, sec);
    le32(4, ns);
    le32(8, len);
    le32(12, len);
    out.write(rec);
    out.write(frame, 0, len);
    counts.packets++;
    counts.bytes += 16 + len;
  }

  private void le32(int o, long v) {
    rec[o] = (byte) v;
    rec[o + 1] = (byte) (v >> 8);
    rec[o + 2] = (byte) (v >> 16);
    rec[o + 3] = (byte) (v >> 24);
  }

  private int mac(int n, long m) {
    for (int i = 5; i >= 0; i--) {
      frame[n++] = (byte) (m >> (8 * i));
    }
    return n;
  }

  private int ip(int n, int a, int b, int c, int d) {
    frame[n++] = (byte) a;
    frame[n++] = (byte) b;
    frame[n++] = (byte) c;
    frame[n++] = (byte) d;
    return n;
  }

  private int u16(int n, int v) {
    frame[n++] = (byte) (v >> 8);
    frame[n++] = (byte) v;
    return n;
  }

  private int u32(int n, long v) {
    frame[n++] = (byte) (v >> 24);
    frame[n++] = (byte) (v >> 16);
    frame[n++] = (byte) (v >> 8);
    frame[n++] = (byte) v;
    return n;
  }
}
