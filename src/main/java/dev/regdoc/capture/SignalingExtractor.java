package dev.regdoc.capture;

import static dev.regdoc.capture.Bytes.u16;
import static dev.regdoc.capture.Bytes.u8;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.IcmpUnreachable;
import dev.regdoc.facts.IpFragment;
import dev.regdoc.facts.MacPath;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.Transport;
import java.util.HashMap;
import java.util.Map;

/** Turns decoded frames into facts: TCP flows, SIP over UDP, ARP, ICMP unreachable, MAC paths. */
final class SignalingExtractor {
  private static final int MAX_PATHS = 65_536;

  private final String file;
  private final FactSink sink;
  private final SignalingPorts ports;
  private final TcpTracker tcp;
  private final ArpTracker arp;
  private final Map<PathKey, Long> dstMacByPath = new HashMap<>();

  /** IP pair of a frame, from raw bytes (IPv6 folded into two longs per address). */
  private record PathKey(long srcHigh, long srcLow, long dstHigh, long dstLow) {
    // written out: looked up for every signaling frame, where a record's generated methods cost
    // several calls each in a command's quick-compiled code
    @Override
    public boolean equals(Object o) {
      return o instanceof PathKey k
          && srcHigh == k.srcHigh
          && srcLow == k.srcLow
          && dstHigh == k.dstHigh
          && dstLow == k.dstLow;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(((srcHigh * 31 + srcLow) * 31 + dstHigh) * 31 + dstLow);
    }
  }

  private final Map<String, Long> anomalyCounts = new HashMap<>();
  private final int[] lastLineEnd = new int[1];

  SignalingExtractor(String file, FactSink sink, SignalingPorts ports) {
    this.file = file;
    this.sink = sink;
    this.ports = ports;
    this.tcp = new TcpTracker(file, sink, ports);
    this.arp = new ArpTracker(file, sink);
  }

  void handle(DecodedFrame f, boolean decoded) {
    if (!decoded) {
      frameAnomaly(
          f, "frame-too-short", "frame " + f.frame + " is shorter than the headers it announces");
      return;
    }
    if (f.fragment && f.kind == DecodedFrame.Kind.UDP && isSip(f)) {
      firstFragment(f);
      return;
    }
    if (f.fragment) {
      frameAnomaly(f, "ip-fragment", "IP fragments are not reassembled (frame " + f.frame + ")");
      return;
    }
    switch (f.kind) {
      case ARP:
        if (!arp.handle(f)) {
          frameAnomaly(
              f,
              "arp-not-ipv4",
              "ARP frame " + f.frame + " is not an Ethernet/IPv4 ARP request or reply");
        }
        break;
      case TCP:
        if (ports.isSignaling(f.srcPort) || ports.isSignaling(f.dstPort)) {
          macPath(f);
          tcp.handle(f);
        }
        break;
      case UDP:
        if (isSip(f)) {
          macPath(f);
          udpSip(f, false);
        }
        break;
      case ICMP_UNREACHABLE:
        icmp(f);
        break;
      default:
        break;
    }
  }

  /** The capture ended: what the TCP streams still hold back is read. */
  void finish() {
    tcp.finish();
  }

  /** What the TCP streams' unfinished messages hold, all together. */
  HeldBytes heldBytes() {
    return tcp.heldBytes();
  }

  /** Counts of anomalies reported per code, for the summary. */
  Map<String, Long> anomalyCounts() {
    return anomalyCounts;
  }

  private boolean isSip(DecodedFrame f) {
    return ports.isSip(f.srcPort) || ports.isSip(f.dstPort);
  }

  /**
   * The first IP fragment of a SIP datagram: the only one a port filter keeps (later fragments
   * carry no UDP header) and the one that holds the SIP head. Fragments are not reassembled; a
   * firewall that drops fragments loses the whole message, so that it was fragmented is a fact.
   */
  private void firstFragment(DecodedFrame f) {
    macPath(f);
    sink.accept(
        new IpFragment(
            origin(f),
            new Endpoints(f.srcIp(), f.srcPort, f.dstIp(), f.dstPort),
            f.udpLength - 8,
            f.payloadLength));
    udpSip(f, true);
  }

  private void udpSip(DecodedFrame f, boolean fragmented) {
    byte[] d = f.data;
    int end = f.payloadOffset + f.payloadLength;
    int start = SipMessages.skipPings(d, f.payloadOffset, end);
    if (start == end) {
      return; // empty or a CRLF keepalive ping
    }
    Endpoints e = new Endpoints(f.srcIp(), f.srcPort, f.dstIp(), f.dstPort);
    int found = SipMessages.findStartLine(d, start, end, lastLineEnd);
    if (found < 0) {
      frameAnomaly(
          f,
          "udp-sip-port-not-sip",
          e + ": frame " + f.frame + " on a SIP port holds no SIP start line");
      return;
    }
    int headEnd = SipMessages.headEnd(d, found, end);
    boolean cut = headEnd < 0 || f.payloadMissing > 0 && !fragmented;
    // a head cut by the snap length ends in a partial line: parse only its complete lines
    int parseEnd = headEnd >= 0 ? headEnd : afterLastLineFeed(d, found, end);
    SipParser.Head h = SipParser.parseHead(d, found, parseEnd);
    if (found > start) {
      h.anomalies.add("sip-junk-before-start-line");
    }
    if (cut) {
      h.anomalies.add(fragmented ? "sip-cut-by-fragmentation" : "sip-cut-by-capture");
    }
    int size = fragmented ? f.udpLength - 8 : f.payloadLength + f.payloadMissing;
    SipMessages.emit(sink, SipMessages.toFact(h, origin(f), f.frame, Transport.UDP, e, -1, size));
  }

  private static int afterLastLineFeed(byte[] d, int from, int end) {
    for (int i = end - 1; i > from; i--) {
      if (d[i] == '\n') {
        return i + 1;
      }
    }
    return end;
  }

  private void icmp(DecodedFrame f) {
    byte[] d = f.data;
    int inner = f.l4Offset + 8;
    if (f.ipv6 || inner + 20 > f.capturedLength || u8(d, inner) >> 4 != 4) {
      sink.accept(new IcmpUnreachable(origin(f), f.srcIp(), f.dstIp(), f.icmpCode, "?", null));
      return;
    }
    int proto = u8(d, inner + 9);
    int l4 = inner + (u8(d, inner) & 0x0f) * 4;
    boolean ports = (proto == 6 || proto == 17) && l4 + 4 <= f.capturedLength;
    Endpoints about =
        new Endpoints(
            Bytes.ipv4(d, inner + 12),
            ports ? u16(d, l4) : 0,
            Bytes.ipv4(d, inner + 16),
            ports ? u16(d, l4 + 2) : 0);
    String name = proto == 6 ? "TCP" : proto == 17 ? "UDP" : String.valueOf(proto);
    sink.accept(new IcmpUnreachable(origin(f), f.srcIp(), f.dstIp(), f.icmpCode, name, about));
  }

  /**
   * Emits a MacPath only when an IP pair is new or its destination MAC changed; no strings
   * otherwise.
   */
  private void macPath(DecodedFrame f) {
    if (f.dstMacOffset < 0) {
      return;
    }
    long mac = Bytes.u32(f.data, f.dstMacOffset) << 16 | Bytes.u16(f.data, f.dstMacOffset + 4);
    PathKey key = pathKey(f);
    Long previous = dstMacByPath.get(key);
    if (previous != null && previous == mac
        || previous == null && dstMacByPath.size() >= MAX_PATHS) {
      return;
    }
    dstMacByPath.put(key, mac);
    String before = previous == null ? null : macText(previous);
    sink.accept(
        new MacPath(
            origin(f), f.srcIp(), f.dstIp(), f.srcMac(), f.dstMac(), f.vlan, f.ttl, before));
  }

  private static PathKey pathKey(DecodedFrame f) {
    byte[] d = f.data;
    int o = f.l3Offset;
    if (!f.ipv6) {
      return new PathKey(Bytes.u32(d, o + 12), 0, Bytes.u32(d, o + 16), 0);
    }
    return new PathKey(
        Bytes.u32(d, o + 8) << 32 | Bytes.u32(d, o + 12),
        Bytes.u32(d, o + 16) << 32 | Bytes.u32(d, o + 20),
        Bytes.u32(d, o + 24) << 32 | Bytes.u32(d, o + 28),
        Bytes.u32(d, o + 32) << 32 | Bytes.u32(d, o + 36));
  }

  private static String macText(long mac) {
    byte[] b = new byte[6];
    for (int i = 0; i < 6; i++) {
      b[i] = (byte) (mac >> (40 - 8 * i));
    }
    return Bytes.mac(b, 0);
  }

  /** Frame-level oddities: the first few of each kind in full, the rest only counted. */
  private void frameAnomaly(DecodedFrame f, String code, String detail) {
    long n = anomalyCounts.merge(code, 1L, Long::sum);
    if (n <= 20) {
      sink.accept(new Anomaly(origin(f), code, detail));
    }
  }

  private Origin origin(DecodedFrame f) {
    return Origin.frame(file, f.frame, f.time);
  }
}
