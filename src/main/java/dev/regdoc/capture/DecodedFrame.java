package dev.regdoc.capture;

import java.time.Instant;

/**
 * One frame decoded in place: offsets into {@link #data}, no copies. A single instance is reused
 * for every frame of a capture, so nothing here may be kept after the frame is handled.
 */
final class DecodedFrame {
  enum Kind {
    OTHER,
    ARP,
    TCP,
    UDP,
    ICMP_UNREACHABLE
  }

  long frame;
  Instant time;
  byte[] data;
  int capturedLength;
  int originalLength;

  int srcMacOffset = -1; // -1 when the link layer carries no such MAC (raw IP, cooked capture dst)
  int dstMacOffset = -1;
  boolean fragment;
  int vlan = -1;
  Kind kind = Kind.OTHER;
  int l3Offset;
  boolean ipv6;
  int ttl;
  int l4Offset;
  int payloadOffset;
  int payloadLength;

  /** Payload bytes the IP header says exist but the capture cut (snap length). */
  int payloadMissing;

  int srcPort;
  int dstPort;

  /** The UDP header's length field: for a first IP fragment, the size of the whole datagram. */
  int udpLength;

  long seq;
  long ack;
  int tcpFlags;
  int icmpCode;

  void reset(long frame, Instant time, byte[] data, int originalLength) {
    this.frame = frame;
    this.time = time;
    this.data = data;
    this.capturedLength = data.length;
    this.originalLength = originalLength;
    srcMacOffset = -1;
    dstMacOffset = -1;
    fragment = false;
    vlan = -1;
    kind = Kind.OTHER;
    payloadMissing = 0;
    payloadLength = 0;
    srcPort = 0;
    dstPort = 0;
    udpLength = 0;
    tcpFlags = 0;
  }

  String srcMac() {
    return srcMacOffset < 0 ? null : Bytes.mac(data, srcMacOffset);
  }

  String dstMac() {
    return dstMacOffset < 0 ? null : Bytes.mac(data, dstMacOffset);
  }

  String srcIp() {
    return ipv6 ? Bytes.ipv6(data, l3Offset + 8) : Bytes.ipv4(data, l3Offset + 12);
  }

  String dstIp() {
    return ipv6 ? Bytes.ipv6(data, l3Offset + 24) : Bytes.ipv4(data, l3Offset + 16);
  }

  boolean flag(int mask) {
    return (tcpFlags & mask) != 0;
  }

  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;
}
