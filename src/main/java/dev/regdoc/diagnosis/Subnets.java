package dev.regdoc.diagnosis;

/** IPv4 subnet membership for rules that compare an interface's "address mask" with a host. */
public final class Subnets {
  private Subnets() {}

  /**
   * True when {@code ip} is inside "A.B.C.D M.M.M.M" or "A.B.C.D/len"; false when either is
   * unreadable.
   */
  public static boolean contains(String addressAndMask, String ip) {
    if (addressAndMask == null || ip == null) {
      return false;
    }
    String[] parts = addressAndMask.trim().split("[\\s/]+");
    long addr = v4(parts[0]);
    long mask =
        parts.length < 2 ? 0xffffffffL : parts[1].contains(".") ? v4(parts[1]) : prefix(parts[1]);
    long host = v4(ip);
    return addr >= 0 && mask >= 0 && host >= 0 && (addr & mask) == (host & mask);
  }

  private static long prefix(String len) {
    try {
      int n = Integer.parseInt(len);
      return n <= 0 ? 0 : (0xffffffffL << (32 - n)) & 0xffffffffL;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long v4(String s) {
    String[] o = s.split("\\.");
    if (o.length != 4) {
      return -1;
    }
    long v = 0;
    try {
      for (String x : o) {
        int b = Integer.parseInt(x);
        if (b < 0 || b > 255) {
          return -1;
        }
        v = v << 8 | b;
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return v;
  }
}
