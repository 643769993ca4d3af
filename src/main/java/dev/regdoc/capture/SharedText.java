package dev.regdoc.capture;

import java.nio.charset.StandardCharsets;

/**
 * The texts read from packets, each kept once while it recurs: a phone sends the same Call-ID,
 * Contact, User-Agent and addresses in every message, so a long capture would otherwise hold one
 * copy per message and its memory would grow with the capture instead of with what differs. A small
 * table indexed by the text's hash holds the last text seen in each slot (bounded: a few MB at
 * most); a text that differs from its slot's is made anew and takes the slot. Slots are read and
 * written without locks: a String (and an {@link Address}) is immutable and safe to share, and a
 * lost update only costs one copy more.
 */
final class SharedText {
  private static final int SLOTS = 1 << 14;
  private static final int LONGEST = 256;
  private static final String[] TEXTS = new String[SLOTS];
  private static final Address[] ADDRESSES = new Address[1 << 12];

  /** An IPv4 address and its dotted text. */
  private record Address(int value, String text) {}

  private SharedText() {}

  /** The ISO-8859-1 text of {@code len} bytes at {@code off}, the same String as last time. */
  static String latin1(byte[] b, int off, int len) {
    if (len > LONGEST) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + (b[i] & 0xff);
    }
    int slot = (h ^ (h >>> 14)) & (SLOTS - 1);
    String kept = TEXTS[slot];
    if (kept != null && same(kept, b, off, len)) {
      return kept;
    }
    String made = new String(b, off, len, StandardCharsets.ISO_8859_1);
    TEXTS[slot] = made;
    return made;
  }

  /** The dotted text of the IPv4 address at {@code o}, the same String as last time. */
  static String ipv4(byte[] b, int o) {
    int value =
        (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
    int slot = (value ^ (value >>> 12) ^ (value >>> 24)) & (ADDRESSES.length - 1);
    Address kept = ADDRESSES[slot];
    if (kept != null && kept.value() == value) {
      return kept.text();
    }
    String text =
        (value >>> 24)
            + "."
            + (value >>> 16 & 0xff)
            + "."
            + (value >>> 8 & 0xff)
            + "."
            + (value & 0xff);
    ADDRESSES[slot] = new Address(value, text);
    return text;
  }

  private static boolean same(String s, byte[] b, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != (b[off + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
