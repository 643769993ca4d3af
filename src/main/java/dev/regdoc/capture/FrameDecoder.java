package dev.regdoc.capture;

import static dev.regdoc.capture.Bytes.u16;
import static dev.regdoc.capture.Bytes.u32;
import static dev.regdoc.capture.Bytes.u8;

/**
 * Decodes link, network and transport headers in place. Returns false when the frame is too short
 * for the headers it announces; the caller records that as an anomaly. Never throws on content.
 */
final class FrameDecoder {
  private static final int ETH_IPV4 = 0x0800;
  private static final int ETH_IPV6 = 0x86dd;
  private static final int ETH_ARP = 0x0806;

  private final LinkType link;

  FrameDecoder(LinkType link) {
    this.link = link;
  }

  boolean decode(DecodedFrame f) {
    try {
      return decodeLink(f);
    } catch (ArrayIndexOutOfBoundsException e) {
      return false; // a header ran past the captured bytes
    }
  }

  private boolean decodeLink(DecodedFrame f) {
    byte[] d = f.data;
    switch (link) {
      case ETHERNET:
        f.dstMacOffset = 0;
        f.srcMacOffset = 6;
        return decodeEtherType(f, u16(d, 12), 14);
      case LINUX_SLL:
        if (u16(d, 2) == 1 && u16(d, 4) == 6) {
          f.srcMacOffset = 6;
        }
        return decodeEtherType(f, u16(d, 14), 16);
      case LINUX_SLL2:
        if (u16(d, 8) == 1 && u8(d, 11) == 6) {
          f.srcMacOffset = 12;
        }
        return decodeEtherType(f, u16(d, 0), 20);
      case NULL:
        return decodeNull(f);
      default:
        return decodeRawIp(f, 0);
    }
  }

  private boolean decodeNull(DecodedFrame f) {
    int family = f.data[0] != 0 ? u8(f.data, 0) : u8(f.data, 3); // host byte order of the writer
    if (family == 2) {
      return decodeIpv4(f, 4);
    }
    return family == 24 || family == 28 || family == 30 ? decodeIpv6(f, 4) : false;
  }

  private boolean decodeRawIp(DecodedFrame f, int off) {
    int version = u8(f.data, off) >> 4;
    if (version == 4) {
      return decodeIpv4(f, off);
    }
    return version == 6 && decodeIpv6(f, off);
  }

  private boolean decodeEtherType(DecodedFrame f, int type, int off) {
    byte[] d = f.data;
    while (type == 0x8100 || type == 0x88a8 || type == 0x9100) {
      if (f.vlan < 0 || type == 0x8100) {
        f.vlan = u16(d, off) & 0x0fff; // innermost 802.1Q tag is the voice VLAN
      }
      type = u16(d, off + 2);
      off += 4;
    }
    if (type < 0x0600 && u8(d, off) == 0xaa && u8(d, off + 1) == 0xaa && u8(d, off + 2) == 3) {
      type = u16(d, off + 6); // 802.2 LLC + SNAP
      off += 8;
    }
    switch (type) {
      case ETH_IPV4:
        return decodeIpv4(f, off);
      case ETH_IPV6:
        return decodeIpv6(f, off);
      case ETH_ARP:
        f.kind = DecodedFrame.Kind.ARP;
        f.l3Offset = off;
        return f.capturedLength >= off + 28;
      default:
        return true;
    }
  }

  private boolean decodeIpv4(DecodedFrame f, int off) {
    byte[] d = f.data;
    int ihl = (u8(d, off) & 0x0f) * 4;
    int total = u16(d, off + 2);
    if (ihl < 20 || total < ihl) {
      return false;
    }
    f.ipv6 = false;
    f.l3Offset = off;
    f.ttl = u8(d, off + 8);
    int fragField = u16(d, off + 6);
    if ((fragField & 0x1fff) != 0 || (fragField & 0x2000) != 0) {
      f.fragment = true;
      if ((fragField & 0x1fff) == 0 && u8(d, off + 9) == 17) {
        // the first fragment alone carries the UDP header and the start of the datagram (a SIP
        // head)
        return decodeTransport(f, 17, off + ihl, off + total);
      }
      return true;
    }
    return decodeTransport(f, u8(d, off + 9), off + ihl, off + total);
  }

  private boolean decodeIpv6(DecodedFrame f, int off) {
    byte[] d = f.data;
    f.ipv6 = true;
    f.l3Offset = off;
    f.ttl = u8(d, off + 7);
    int end = off + 40 + u16(d, off + 4);
    int next = u8(d, off + 6);
    int p = off + 40;
    while (next == 0 || next == 43 || next == 60 || next == 44) {
      if (next == 44) {
        // the Fragment header: 8 bytes, its offset in the top 13 bits of bytes 2-3; as for IPv4,
        // the first fragment alone carries the UDP header and the start of the datagram
        f.fragment = true;
        if ((u16(d, p + 2) & 0xfff8) == 0 && u8(d, p) == 17) {
          return decodeTransport(f, 17, p + 8, end);
        }
        return true;
      }
      next = u8(d, p);
      p += (u8(d, p + 1) + 1) * 8;
    }
    return decodeTransport(f, next, p, end);
  }

  /**
   * @param end where the IP datagram ends according to its header (may exceed the captured bytes)
   */
  private boolean decodeTransport(DecodedFrame f, int proto, int off, int end) {
    byte[] d = f.data;
    f.l4Offset = off;
    switch (proto) {
      case 6:
        f.kind = DecodedFrame.Kind.TCP;
        f.srcPort = u16(d, off);
        f.dstPort = u16(d, off + 2);
        f.seq = u32(d, off + 4);
        f.ack = u32(d, off + 8);
        f.tcpFlags = u8(d, off + 13);
        setPayload(f, off + ((u8(d, off + 12) >> 4) * 4), end);
        return true;
      case 17:
        f.kind = DecodedFrame.Kind.UDP;
        f.srcPort = u16(d, off);
        f.dstPort = u16(d, off + 2);
        f.udpLength = u16(d, off + 4);
        setPayload(f, off + 8, Math.min(end, off + Math.max(8, f.udpLength)));
        return true;
      case 1:
      case 58:
        return decodeIcmp(f, proto == 58, off);
      default:
        return true;
    }
  }

  private void setPayload(DecodedFrame f, int start, int end) {
    int capturedEnd = Math.min(end, f.capturedLength);
    f.payloadOffset = start;
    f.payloadLength = Math.max(0, capturedEnd - start);
    f.payloadMissing = Math.max(0, end - Math.max(capturedEnd, start));
  }

  private boolean decodeIcmp(DecodedFrame f, boolean v6, int off) {
    int type = u8(f.data, off);
    if ((!v6 && type == 3) || (v6 && type == 1)) {
      f.kind = DecodedFrame.Kind.ICMP_UNREACHABLE;
      f.icmpCode = u8(f.data, off + 1);
    }
    return true;
  }
}
