package dev.regdoc.fuzz;

import java.nio.ByteBuffer;

/**
 * Ethernet/IPv4 frames around a fuzzed payload, built by hand (pcap4j's builders are far too slow
 * per input).
 */
final class Frames {
  static final byte[] PHONE = {(byte) 192, 0, 2, 10};
  static final byte[] CUCM = {(byte) 198, 51, 100, 20};
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;

  private Frames() {}

  static byte[] udp(byte[] src, int srcPort, byte[] dst, int dstPort, byte[] payload) {
    ByteBuffer b = ipv4(src, dst, 17, 8 + payload.length);
    b.putShort((short) srcPort)
        .putShort((short) dstPort)
        .putShort((short) (8 + payload.length))
        .putShort((short) 0);
    return b.put(payload).array();
  }

  static byte[] tcp(
      byte[] src,
      int srcPort,
      byte[] dst,
      int dstPort,
      long seq,
      long ack,
      int flags,
      byte[] payload) {
    ByteBuffer b = ipv4(src, dst, 6, 20 + payload.length);
    b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
    b.put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
    return b.put(payload).array();
  }

  /**
   * Ethernet and IPv4 headers, positioned after them; the IP total length is capped at 65535 like
   * on the wire.
   */
  private static ByteBuffer ipv4(byte[] src, byte[] dst, int protocol, int transportLength) {
    ByteBuffer b = ByteBuffer.allocate(14 + 20 + transportLength);
    b.put(new byte[] {0, 0x1b, 0x54, 1, 2, 3, 0, 0x1b, 0x54, 4, 5, 6}).putShort((short) 0x0800);
    b.put((byte) 0x45)
        .put((byte) 0)
        .putShort((short) Math.min(65535, 20 + transportLength))
        .putInt(0);
    b.put((byte) 64).put((byte) protocol).putShort((short) 0).put(src).put(dst);
    return b;
  }
}
