package dev.regdoc.capture;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The texts read from packets, each kept once while it recurs: a phone sends the same Call-ID,
 * Contact, User-Agent and addresses in every message, so a long capture would otherwise hold one
 * copy per message and its memory would grow with the capture instead of with what differs.
 *
 * <p>A table indexed by the text's hash holds texts seen before (bounded: at most 65,536 texts of
 * at most 256 characters; a few MB in practice). Each text has two candidate slots. A text that was
 * asked for again since it was stored is kept over a new one (a second chance, as in the CLOCK page
 * cache): the values that never recur, such as each message's Via branch, would otherwise push out
 * the recurring ones of thousands of phones registering in turn, and every message would keep
 * copies of its own. Slots are read and written without locks: a String (and an {@link Address}) is
 * immutable and safe to share, and a lost update only costs one copy more.
 */
final class SharedText {
  private static final int SLOTS = 1 << 16;
  private static final int LONGEST = 256;
  private static final String[] TEXTS = new String[SLOTS];

  /** The slot's text was asked for again since it was stored or last passed over. */
  private static final boolean[] RECENT = new boolean[SLOTS];

  private static final String[] TRANSACTIONS = new String[1 << 12];
  private static final Address[] ADDRESSES = new Address[1 << 12];

  /** An IPv4 address and its dotted text. */
  private record Address(int value, String text) {}

  private SharedText() {}

  /**
   * Empties the tables, as at the start of a process: the tables are the process's, so a test that
   * counts what they keep starts from here rather than from what earlier tests read.
   */
  static void forget() {
    Arrays.fill(TEXTS, null);
    Arrays.fill(RECENT, false);
    Arrays.fill(TRANSACTIONS, null);
    Arrays.fill(ADDRESSES, null);
  }

  /** The ISO-8859-1 text of {@code len} bytes at {@code off}, the same String as last time. */
  static String latin1(byte[] b, int off, int len) {
    if (len > LONGEST) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    int h = hash(b, off, len);
    int first = (h ^ (h >>> 16)) & (SLOTS - 1);
    String kept = TEXTS[first]; // read once: another thread may replace it meanwhile
    if (same(kept, h, b, off, len)) {
      RECENT[first] = true;
      return kept;
    }
    int second = ((h * 0x9E3779B9) >>> 16) & (SLOTS - 1);
    kept = TEXTS[second];
    if (same(kept, h, b, off, len)) {
      RECENT[second] = true;
      return kept;
    }
    String made = new String(b, off, len, StandardCharsets.ISO_8859_1);
    // an empty slot first, else one whose text has not recurred; when both have, they lose their
    // mark, and the second gives way
    int slot = TEXTS[first] == null || TEXTS[second] != null && !RECENT[first] ? first : second;
    RECENT[first] = false;
    RECENT[second] = false;
    TEXTS[slot] = made;
    RECENT[slot] = false;
    return made;
  }

  /**
   * As {@link #latin1}, for a text that names one transaction (a Via branch): its request and
   * answers share it, and no later message does. It is kept in a small table of its own while the
   * answer may come, so that the texts of thousands of transactions never push out the texts that
   * recur.
   */
  static String transaction(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    int slot = (h ^ (h >>> 12)) & (TRANSACTIONS.length - 1);
    String kept = TRANSACTIONS[slot];
    if (len <= LONGEST && same(kept, h, b, off, len)) {
      return kept;
    }
    String made = new String(b, off, len, StandardCharsets.ISO_8859_1);
    TRANSACTIONS[slot] = made;
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

  /** The hash of the bytes as Latin-1 text (the same as {@link String#hashCode} of that text). */
  private static int hash(byte[] b, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + (b[i] & 0xff);
    }
    return h;
  }

  /** Whether {@code s} is the text of the bytes, whose hash is {@code h}. */
  private static boolean same(String s, int h, byte[] b, int off, int len) {
    if (s == null || s.length() != len) {
      return false;
    }
    // the bytes' hash equals the String's (cached in it): a different text is told at once
    if (s.hashCode() != h) {
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
