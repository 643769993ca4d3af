package dev.regdoc.capture;

/** 32-bit TCP sequence arithmetic with wrap-around. */
final class Seq {
  private Seq() {}

  /** Signed distance a - b modulo 2^32. */
  static int diff(long a, long b) {
    return (int) (a - b);
  }

  static long add(long a, long n) {
    return (a + n) & 0xffffffffL;
  }
}
