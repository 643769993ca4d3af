package dev.regdoc.timeline;

import java.util.Objects;

/**
 * A map key of two texts and a number (a server and a Call-ID, a Call-ID, its CSeq and method),
 * instead of a string joined from them for every message: the texts read from a capture are shared
 * and hash once, so a lookup costs no new string. A missing text matches a missing text, as "null"
 * did in a joined key.
 */
record CompoundKey(String first, String second, long number) {

  static CompoundKey of(String first, String second) {
    return new CompoundKey(first, second, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompoundKey k
        && number == k.number
        && Objects.equals(first, k.first)
        && Objects.equals(second, k.second);
  }

  @Override
  public int hashCode() {
    return (Objects.hashCode(first) * 31 + Objects.hashCode(second)) * 31 + Long.hashCode(number);
  }
}
