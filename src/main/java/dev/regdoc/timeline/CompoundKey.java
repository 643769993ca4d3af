package dev.regdoc.timeline;

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
}
