package dev.regdoc.capture;

/** Big- and little-endian reads and address formatting straight from frame bytes. */
final class Bytes {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Bytes() {}

  static int u8(byte[] b, int o) {
    return b[o] & 0xff;
  }

  static int u16(byte[] b, int o) {
    return (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
  }

  static long u32(byte[] b, int o) {
    return ((long) (b[o] & 0xff) << 24)
        | (b[o + 1] & 0xff) << 16
        | (b[o + 2] & 0xff) << 8
        | (b[o + 3] & 0xff);
  }

  static int le32(byte[] b, int o) {
    return (b[o] & 0xff)
        | (b[o + 1] & 0xff) << 8
        | (b[o + 2] & 0xff) << 16
        | (b[o + 3] & 0xff) << 24;
  }

  static String mac(byte[] b, int o) {
    char[] out = new char[17];
    for (int i = 0; i < 6; i++) {
      int v = b[o + i] & 0xff;
      out[i * 3] = HEX[v >> 4];
      out[i * 3 + 1] = HEX[v & 0xf];
      if (i < 5) {
        out[i * 3 + 2] = ':';
      }
    }
    return new String(out);
  }

  static String ipv4(byte[] b, int o) {
    return SharedText.ipv4(b, o);
  }

  /** RFC 5952 text form: lower case, longest zero run compressed. */
  static String ipv6(byte[] b, int o) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = u16(b, o + 2 * i);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
