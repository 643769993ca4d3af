package dev.regdoc.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tolerant parser of one SIP message head (start line and headers). Real traffic has LF-only lines,
 * compact header names, junk before the start line and messages cut by the capture; each becomes an
 * anomaly code in {@link Head#anomalies}, never an exception.
 *
 * <p>This runs for every SIP message of a capture, so it works on the bytes: the start line is
 * checked without a regex, numbers are read in place, and only the values regdoc keeps become
 * strings.
 */
final class SipParser {
  private static final byte[] SIP_VERSION = "SIP/2.0".getBytes(StandardCharsets.ISO_8859_1);

  /** Method and reason strings seen in almost every message, shared instead of made per message. */
  private static final String[] COMMON_WORDS = {
    "REGISTER",
    "OPTIONS",
    "INVITE",
    "ACK",
    "BYE",
    "CANCEL",
    "NOTIFY",
    "SUBSCRIBE",
    "REFER",
    "INFO",
    "UPDATE",
    "PRACK",
    "MESSAGE",
    "PUBLISH",
    "OK",
    "Trying",
    "Ringing",
    "Unauthorized",
    "Not Found",
    "Request Timeout",
    "Forbidden",
    "Accepted"
  };

  /** The parsed head; header values are the first occurrence, trimmed. */
  static final class Head {
    boolean request;
    String method;
    int status;
    String reason;
    String requestUri;
    String callId;
    long cseq = -1;
    String cseqMethod;
    Integer expires;
    Integer contactExpires;
    String contact;
    String deviceName;
    String instanceMac;
    boolean ciscoKeepAlive;
    String userAgent;
    String reasonHeader;
    String viaBranch;
    boolean sawVia;
    int contentLength = -1;
    final List<String> anomalies = new ArrayList<>(0);
  }

  private SipParser() {}

  /**
   * True when {@code b[from..to)} is a SIP status line ({@code SIP/2.0 NNN[ reason]}) or request
   * line ({@code METHOD URI SIP/2.0}, the method in capitals, the URI without white space).
   */
  static boolean isStartLine(byte[] b, int from, int to) {
    return isStatusLine(b, from, to) || requestUriStart(b, from, to) > 0;
  }

  private static boolean isStatusLine(byte[] b, int from, int to) {
    int digits = from + SIP_VERSION.length + 1;
    if (to < digits + 3 || !startsWith(b, from, SIP_VERSION) || b[digits - 1] != ' ') {
      return false;
    }
    for (int i = digits; i < digits + 3; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    if (to == digits + 3) {
      return true;
    }
    if (b[digits + 3] != ' ') {
      return false;
    }
    for (int i = digits + 4; i < to; i++) {
      if (isLineTerminator(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** Index where the request URI starts, or -1 when {@code b[from..to)} is not a request line. */
  private static int requestUriStart(byte[] b, int from, int to) {
    int version = to - SIP_VERSION.length;
    if (to - from < SIP_VERSION.length + 4
        || b[from] < 'A'
        || b[from] > 'Z'
        || b[version - 1] != ' '
        || !startsWith(b, version, SIP_VERSION)) {
      return -1;
    }
    int i = from + 1;
    while (i < version && (b[i] >= 'A' && b[i] <= 'Z' || b[i] == '_' || b[i] == '-')) {
      i++;
    }
    if (i >= version - 2 || b[i] != ' ') { // the URI needs at least one byte
      return -1;
    }
    for (int u = i + 1; u < version - 1; u++) {
      if (isWhiteSpace(b[u])) {
        return -1;
      }
    }
    return i + 1;
  }

  /**
   * Parses the head in {@code b[start..end)} (start line first, junk already removed); returns null
   * when the first line is not a SIP start line.
   */
  static Head parseHead(byte[] b, int start, int end) {
    int firstEnd = lineEnd(b, start, end);
    Head h = new Head();
    int lineEnd = trimCr(b, start, firstEnd);
    int lineFrom = trimStart(b, start, lineEnd);
    int lineTo = trimEnd(b, lineFrom, lineEnd);
    if (!parseStartLine(b, lineFrom, lineTo, h)) {
      return null;
    }
    if (firstEnd < end && (firstEnd == start || b[firstEnd - 1] != '\r')) {
      h.anomalies.add("sip-lf-line-endings");
    }
    parseHeaders(b, firstEnd + 1, end, h);
    return h;
  }

  /** Header lines up to the blank line; folded continuation lines join the header above them. */
  private static void parseHeaders(byte[] b, int from, int end, Head h) {
    String name = null;
    int valueFrom = 0;
    int valueTo = 0;
    StringBuilder folded = null; // only for the rare folded header
    for (int ls = from; ls < end; ) {
      int le = lineEnd(b, ls, end);
      int content = trimCr(b, ls, le);
      if (content == ls) {
        break; // the blank line ending the head
      }
      if ((b[ls] == ' ' || b[ls] == '\t') && name != null) {
        if (folded == null) {
          folded = new StringBuilder(latin1(b, valueFrom, valueTo - valueFrom));
        }
        int cs = trimStart(b, ls, content);
        folded.append(' ').append(latin1(b, cs, trimEnd(b, cs, content) - cs));
        ls = le + 1;
        continue;
      }
      if (name != null) {
        header(h, name, b, valueFrom, valueTo, folded);
        name = null;
        folded = null;
      }
      int colon = indexOf(b, (byte) ':', ls, content);
      if (colon <= ls) {
        h.anomalies.add("sip-malformed-header");
      } else {
        name = known(b, ls, colon);
        valueFrom = colon + 1;
        valueTo = content;
      }
      ls = le + 1;
    }
    if (name != null) {
      header(h, name, b, valueFrom, valueTo, folded);
    }
  }

  private static final String[] KNOWN = {
    "call-id", "cseq", "expires", "contact", "user-agent", "reason", "content-length", "via"
  };
  // the keys compared as bytes: every message's headers are matched against them, and a String's
  // characters read one call at a time cost the reader a sixth of its time under the quick compiler
  private static final byte[][] KNOWN_BYTES = ascii(KNOWN);
  private static final String[][] COMPACT = {
    {"i", "call-id"}, {"m", "contact"}, {"l", "content-length"}, {"v", "via"}
  };

  /**
   * The canonical name of a header regdoc reads, or null for every other header (no string made).
   */
  private static String known(byte[] b, int from, int colon) {
    int to = colon;
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    int len = to - from;
    if (len == 1) {
      char c = (char) (b[from] | 0x20);
      for (String[] pair : COMPACT) {
        if (pair[0].charAt(0) == c) {
          return pair[1];
        }
      }
      return null;
    }
    for (int k = 0; k < KNOWN_BYTES.length; k++) {
      if (KNOWN_BYTES[k].length == len && regionEqualsIgnoreCase(b, from, KNOWN_BYTES[k])) {
        return KNOWN[k];
      }
    }
    return null;
  }

  private static boolean parseStartLine(byte[] b, int from, int to, Head h) {
    if (isStatusLine(b, from, to)) {
      int digits = from + SIP_VERSION.length + 1;
      h.status = (b[digits] - '0') * 100 + (b[digits + 1] - '0') * 10 + (b[digits + 2] - '0');
      h.reason = to > digits + 3 ? word(b, digits + 4, to) : "";
      return true;
    }
    int uri = requestUriStart(b, from, to);
    if (uri < 0) {
      return false;
    }
    h.request = true;
    h.method = word(b, from, uri - 1);
    h.requestUri = latin1(b, uri, to - SIP_VERSION.length - 1 - uri);
    return true;
  }

  /** Stores a header's value; {@code folded}, when not null, replaces {@code b[from..to)}. */
  private static void header(
      Head h, String name, byte[] b, int from, int to, StringBuilder folded) {
    if (folded != null) {
      byte[] joined = folded.toString().getBytes(StandardCharsets.ISO_8859_1);
      header(h, name, joined, 0, joined.length, null);
      return;
    }
    int vf = trimStart(b, from, to);
    int vt = trimEnd(b, vf, to);
    switch (name) {
      case "call-id":
        h.callId = h.callId != null ? h.callId : latin1(b, vf, vt - vf);
        break;
      case "cseq":
        parseCseq(h, b, vf, vt);
        break;
      case "expires":
        if (h.expires == null) {
          h.expires = parseInt(b, vf, vt, h, "sip-bad-expires");
        }
        break;
      case "contact":
        if (h.contact == null) {
          parseContact(h, b, vf, vt);
        }
        break;
      case "user-agent":
        h.userAgent = h.userAgent != null ? h.userAgent : latin1(b, vf, vt - vf);
        break;
      case "reason":
        h.reasonHeader = h.reasonHeader != null ? h.reasonHeader : latin1(b, vf, vt - vf);
        break;
      case "via":
        if (!h.sawVia) {
          h.sawVia = true; // only the topmost Via names the transaction of the sender
          h.viaBranch = branch(b, vf, vt);
        }
        break;
      case "content-length":
        Integer cl = parseInt(b, vf, vt, h, "sip-bad-content-length");
        h.contentLength = cl == null ? -1 : cl;
        break;
      default:
        break;
    }
  }

  private static void parseCseq(Head h, byte[] b, int from, int to) {
    if (h.cseq >= 0) {
      return;
    }
    int space = indexOf(b, (byte) ' ', from, to);
    long number = parseLong(b, from, space < 0 ? to : space);
    if (number == Long.MIN_VALUE) {
      h.anomalies.add("sip-bad-cseq");
      return;
    }
    h.cseq = number;
    if (space >= 0) {
      int mf = trimStart(b, space + 1, to);
      h.cseqMethod = word(b, mf, trimEnd(b, mf, to)).toUpperCase(Locale.ROOT);
    }
  }

  /**
   * The branch parameter of the first Via value in {@code b[from..to)} (a header may list several,
   * separated by commas), or null.
   */
  private static String branch(byte[] b, int from, int to) {
    int comma = indexOf(b, (byte) ',', from, to);
    int end = comma < 0 ? to : comma;
    int start = paramValueStart(b, from, end, BRANCH_KEY);
    if (start < 0) {
      return null;
    }
    int stop = start;
    while (stop < end && b[stop] != ';' && !isWhiteSpace(b[stop])) {
      stop++;
    }
    return stop > start ? SharedText.transaction(b, start, stop - start) : null;
  }

  private static final byte[] BRANCH_KEY = ascii(";branch=");
  private static final byte[] DEVICE_NAME_KEY = ascii("+u.sip!devicename.ccm.cisco.com=");
  private static final byte[] INSTANCE_KEY = ascii("urn:uuid:");
  private static final byte[] EXPIRES_KEY = ascii(";expires=");
  private static final byte[] KEEP_ALIVE_KEY = ascii(";cisco-keep-alive");

  /** Device name, instance MAC, expires and keepalive flag of a Contact. */
  private static void parseContact(Head h, byte[] b, int from, int to) {
    h.contact = latin1(b, from, to - from);
    int device = paramValueStart(b, from, to, DEVICE_NAME_KEY);
    if (device >= 0) {
      int end = paramValueEnd(b, device, to);
      int df = trimStart(b, device, end);
      h.deviceName = latin1(b, df, trimEnd(b, df, end) - df).toUpperCase(Locale.ROOT);
    }
    int uuid = indexOfIgnoreCase(b, from, to, INSTANCE_KEY);
    if (uuid >= 0) {
      h.instanceMac = instanceMac(b, uuid + INSTANCE_KEY.length, to);
    }
    int close = indexOf(b, (byte) '>', from, to);
    int params = close >= 0 ? close : from;
    int expires = paramValueStart(b, params, to, EXPIRES_KEY);
    if (expires >= 0) {
      h.contactExpires = parseInt(b, expires, paramValueEnd(b, expires, to), h, "sip-bad-expires");
    }
    h.ciscoKeepAlive = indexOfIgnoreCase(b, params, to, KEEP_ALIVE_KEY) >= 0;
  }

  /**
   * The last 12 hex digits of the UUID at {@code from} (dashes ignored), lower case, or null; the
   * same String for every message of the phone.
   */
  private static String instanceMac(byte[] b, int from, int to) {
    byte[] last = new byte[12];
    int digits = 0;
    for (int i = from;
        i < to && (Character.digit((char) (b[i] & 0xff), 16) >= 0 || b[i] == '-');
        i++) {
      if (b[i] != '-') {
        last[digits++ % last.length] = (byte) Character.toLowerCase((char) (b[i] & 0xff));
      }
    }
    if (digits < last.length) {
      return null;
    }
    // the ring's oldest digit is at digits % 12: turn it to the front
    int oldest = digits % last.length;
    byte[] mac = new byte[last.length];
    System.arraycopy(last, oldest, mac, 0, last.length - oldest);
    System.arraycopy(last, 0, mac, last.length - oldest, oldest);
    return latin1(mac, 0, mac.length);
  }

  /**
   * Where the value after {@code key} (matched ignoring case) starts, past an opening quote; -1
   * without the key.
   */
  private static int paramValueStart(byte[] b, int from, int to, byte[] key) {
    int at = indexOfIgnoreCase(b, from, to, key);
    if (at < 0) {
      return -1;
    }
    int start = at + key.length;
    return start < to && b[start] == '"' ? start + 1 : start;
  }

  /** Where a parameter value that starts at {@code start} ends: at ; > , or a quote. */
  private static int paramValueEnd(byte[] b, int start, int to) {
    int end = start;
    while (end < to && b[end] != '"' && b[end] != ';' && b[end] != '>' && b[end] != ',') {
      end++;
    }
    return end;
  }

  /**
   * Integer.valueOf semantics (optional sign, decimal digits, int range) on bytes; null and an
   * anomaly otherwise.
   */
  private static Integer parseInt(byte[] b, int from, int to, Head h, String anomaly) {
    int vf = trimStart(b, from, to);
    long v = parseLong(b, vf, trimEnd(b, vf, to));
    if (v == Long.MIN_VALUE || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      h.anomalies.add(anomaly);
      return null;
    }
    return (int) v;
  }

  /**
   * Long.parseLong semantics on {@code b[from..to)}; Long.MIN_VALUE when it is not a number in
   * range.
   */
  private static long parseLong(byte[] b, int from, int to) {
    int i = from;
    boolean negative = i < to && b[i] == '-';
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      i++;
    }
    if (i == to) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
        return Long.MIN_VALUE;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /** A shared string for a common method or reason, otherwise a new one. */
  private static String word(byte[] b, int from, int to) {
    for (String w : COMMON_WORDS) {
      if (w.length() == to - from && regionEquals(b, from, w)) {
        return w;
      }
    }
    return latin1(b, from, to - from);
  }

  static String latin1(byte[] b, int off, int len) {
    return SharedText.latin1(b, off, len);
  }

  /** Index of the next LF at or after {@code from}, or {@code end}. */
  private static int lineEnd(byte[] b, int from, int end) {
    int i = indexOf(b, (byte) '\n', from, end);
    return i < 0 ? end : i;
  }

  private static int trimCr(byte[] b, int from, int lineEnd) {
    return lineEnd > from && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
  }

  /** String.trim on bytes: skips code points up to U+0020 at the start. */
  private static int trimStart(byte[] b, int from, int to) {
    int i = from;
    while (i < to && (b[i] & 0xff) <= ' ') {
      i++;
    }
    return i;
  }

  private static int trimEnd(byte[] b, int from, int to) {
    int i = to;
    while (i > from && (b[i - 1] & 0xff) <= ' ') {
      i--;
    }
    return i;
  }

  private static int indexOf(byte[] b, byte x, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /**
   * First index of {@code lowerKey} (ASCII, lower case) in {@code b[from..to)}, ignoring ASCII
   * case.
   */
  private static int indexOfIgnoreCase(byte[] b, int from, int to, byte[] lowerKey) {
    for (int i = from; i <= to - lowerKey.length; i++) {
      if (regionEqualsIgnoreCase(b, i, lowerKey)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionEqualsIgnoreCase(byte[] b, int from, byte[] lower) {
    for (int i = 0; i < lower.length; i++) {
      int c = b[from + i];
      if (c >= 'A' && c <= 'Z') {
        c |= 0x20;
      }
      if (c != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[][] ascii(String[] words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = ascii(words[i]);
    }
    return out;
  }

  private static boolean regionEquals(byte[] b, int from, String s) {
    for (int i = 0; i < s.length(); i++) {
      if ((b[from + i] & 0xff) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] b, int from, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** What regex {@code .} does not match: line terminators (NEL is one, and is a Latin-1 byte). */
  private static boolean isLineTerminator(byte c) {
    return c == '\n' || c == '\r' || (c & 0xff) == 0x85;
  }

  /** Regex {@code \s}: space, tab, LF, VT, FF, CR. */
  private static boolean isWhiteSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}
