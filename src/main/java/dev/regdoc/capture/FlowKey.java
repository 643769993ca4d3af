package dev.regdoc.capture;

import static dev.regdoc.capture.Bytes.u32;

/**
 * Direction-free identity of a TCP connection built from raw address bytes, so looking a flow up
 * allocates no strings. IPv4 addresses use {@code a} and {@code c} only.
 */
record FlowKey(long a, long b, int portA, long c, long d, int portB) {

  static FlowKey of(DecodedFrame f) {
    long sa = high(f, 0);
    long sb = low(f, 0);
    long da = high(f, 1);
    long db = low(f, 1);
    boolean srcFirst = sa != da ? sa < da : sb != db ? sb < db : f.srcPort <= f.dstPort;
    return srcFirst
        ? new FlowKey(sa, sb, f.srcPort, da, db, f.dstPort)
        : new FlowKey(da, db, f.dstPort, sa, sb, f.srcPort);
  }

  // written out: looked up for every TCP frame, where a record's generated methods cost several
  // calls each in a command's quick-compiled code
  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k
        && a == k.a
        && c == k.c
        && portA == k.portA
        && portB == k.portB
        && b == k.b
        && d == k.d;
  }

  @Override
  public int hashCode() {
    long h = ((((a * 31 + b) * 31 + portA) * 31 + c) * 31 + d) * 31 + portB;
    return (int) (h ^ (h >>> 32));
  }

  /** True when the frame travels from the (a, b, portA) side. */
  boolean fromA(DecodedFrame f) {
    return high(f, 0) == a && low(f, 0) == b && f.srcPort == portA;
  }

  /** First 64 bits of the source (which=0) or destination (1) address; the IPv4 address itself. */
  private static long high(DecodedFrame f, int which) {
    int o = f.l3Offset;
    if (f.ipv6) {
      int base = o + 8 + 16 * which;
      return u32(f.data, base) << 32 | u32(f.data, base + 4);
    }
    return u32(f.data, o + 12 + 4 * which);
  }

  private static long low(DecodedFrame f, int which) {
    if (!f.ipv6) {
      return 0;
    }
    int base = f.l3Offset + 16 + 16 * which;
    return u32(f.data, base) << 32 | u32(f.data, base + 4);
  }
}
