package dev.regdoc.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first SIP head parser (regular expressions and strings), kept as the reference that the
 * faster byte parser {@link SipParser} must agree with field by field ({@link
 * SipParserAgreementTest}).
 */
final class RegexSipParser {
  private static final Pattern REQUEST_LINE = Pattern.compile("^([A-Z][A-Z_-]*) (\\S+) SIP/2\\.0$");
  private static final Pattern STATUS_LINE = Pattern.compile("^SIP/2\\.0 (\\d{3})(?: (.*))?$");

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
    final List<String> anomalies = new ArrayList<>();
  }

  private RegexSipParser() {}

  /**
   * True when the text at {@code line} is a SIP request or status line (cheap checks before the
   * regex).
   */
  static boolean isStartLine(String line) {
    if (line.startsWith("SIP/2.0 ")) {
      return STATUS_LINE.matcher(line).matches();
    }
    return line.endsWith(" SIP/2.0") && REQUEST_LINE.matcher(line).matches();
  }

  /**
   * Parses the head in {@code b[start..end)} (start line first, junk already removed); returns null
   * when the first line is not a SIP start line. Works on the bytes: only the start line and the
   * values of the headers regdoc reads become strings (this runs for every message).
   */
  static Head parseHead(byte[] b, int start, int end) {
    int firstEnd = lineEnd(b, start, end);
    Head h = new Head();
    if (!parseStartLine(latin1(b, start, trimCr(b, start, firstEnd) - start).trim(), h)) {
      return null;
    }
    if (firstEnd < end && (firstEnd == start || b[firstEnd - 1] != '\r')) {
      h.anomalies.add("sip-lf-line-endings");
    }
    String name = null;
    StringBuilder value = new StringBuilder();
    for (int ls = firstEnd + 1; ls < end; ) {
      int le = lineEnd(b, ls, end);
      int content = trimCr(b, ls, le);
      if (content == ls) {
        break; // the blank line ending the head
      }
      if ((b[ls] == ' ' || b[ls] == '\t') && name != null) {
        value.append(' ').append(latin1(b, ls, content - ls).trim()); // folded header continuation
        ls = le + 1;
        continue;
      }
      if (name != null) {
        header(h, name, value.toString().trim());
        name = null;
      }
      int colon = indexOf(b, (byte) ':', ls, content);
      if (colon <= ls) {
        h.anomalies.add("sip-malformed-header");
      } else {
        name = known(b, ls, colon);
        if (name != null) {
          value.setLength(0);
          value.append(latin1(b, colon + 1, content - colon - 1));
        }
      }
      ls = le + 1;
    }
    if (name != null) {
      header(h, name, value.toString().trim());
    }
    return h;
  }

  private static final String[] KNOWN = {
    "call-id", "cseq", "expires", "contact", "user-agent", "reason", "content-length", "via"
  };
  private static final String[][] COMPACT = {
    {"i", "call-id"}, {"m", "contact"}, {"l", "content-length"}, {"v", "via"}
  };
  private static final Pattern BRANCH =
      Pattern.compile(";branch=\"?([^;\\s]*)", Pattern.CASE_INSENSITIVE);

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
    for (String k : KNOWN) {
      if (k.length() == len && equalsIgnoreCase(b, from, k)) {
        return k;
      }
    }
    return null;
  }

  private static boolean equalsIgnoreCase(byte[] b, int from, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      int c = b[from + i];
      if (c >= 'A' && c <= 'Z') {
        c |= 0x20;
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Index of the next LF at or after {@code from}, or {@code end}. */
  private static int lineEnd(byte[] b, int from, int end) {
    int i = indexOf(b, (byte) '\n', from, end);
    return i < 0 ? end : i;
  }

  private static int trimCr(byte[] b, int from, int lineEnd) {
    return lineEnd > from && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
  }

  private static int indexOf(byte[] b, byte x, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  static String latin1(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  private static boolean parseStartLine(String line, Head h) {
    Matcher m = STATUS_LINE.matcher(line);
    if (m.matches()) {
      h.status = Integer.parseInt(m.group(1));
      h.reason = m.group(2) == null ? "" : m.group(2);
      return true;
    }
    m = REQUEST_LINE.matcher(line);
    if (m.matches()) {
      h.request = true;
      h.method = m.group(1);
      h.requestUri = m.group(2);
      return true;
    }
    return false;
  }

  private static void header(Head h, String name, String value) {
    switch (name) {
      case "call-id":
        h.callId = first(h.callId, value);
        break;
      case "cseq":
        parseCseq(h, value);
        break;
      case "expires":
        if (h.expires == null) {
          h.expires = parseInt(value, h, "sip-bad-expires");
        }
        break;
      case "contact":
        if (h.contact == null) {
          parseContact(h, value);
        }
        break;
      case "user-agent":
        h.userAgent = first(h.userAgent, value);
        break;
      case "reason":
        h.reasonHeader = first(h.reasonHeader, value);
        break;
      case "via":
        if (!h.sawVia) {
          h.sawVia = true;
          int comma = value.indexOf(',');
          Matcher m = BRANCH.matcher(comma < 0 ? value : value.substring(0, comma));
          h.viaBranch = m.find() && !m.group(1).isEmpty() ? m.group(1) : null;
        }
        break;
      case "content-length":
        Integer cl = parseInt(value, h, "sip-bad-content-length");
        h.contentLength = cl == null ? -1 : cl;
        break;
      default:
        break;
    }
  }

  private static void parseCseq(Head h, String value) {
    if (h.cseq >= 0) {
      return;
    }
    String v = value.trim();
    int space = v.indexOf(' ');
    try {
      h.cseq = Long.parseLong(space < 0 ? v : v.substring(0, space));
      h.cseqMethod = space < 0 ? null : v.substring(space + 1).trim().toUpperCase(Locale.ROOT);
    } catch (NumberFormatException e) {
      h.anomalies.add("sip-bad-cseq");
    }
  }

  /**
   * Device name, instance MAC, expires and keepalive flag of a Contact, by index search (hot path).
   */
  private static void parseContact(Head h, String value) {
    h.contact = value;
    String lower = value.toLowerCase(Locale.ROOT);
    String device = paramValue(value, lower, "+u.sip!devicename.ccm.cisco.com=");
    if (device != null) {
      h.deviceName = device.toUpperCase(Locale.ROOT);
    }
    int uuid = lower.indexOf("urn:uuid:");
    if (uuid >= 0) {
      int end = uuid + 9;
      while (end < lower.length()
          && (Character.digit(lower.charAt(end), 16) >= 0 || lower.charAt(end) == '-')) {
        end++;
      }
      String hex = lower.substring(uuid + 9, end).replace("-", "");
      if (hex.length() >= 12) {
        h.instanceMac = hex.substring(hex.length() - 12);
      }
    }
    int close = lower.indexOf('>');
    String params = close >= 0 ? lower.substring(close) : lower;
    String expires = paramValue(params, params, ";expires=");
    if (expires != null) {
      h.contactExpires = parseInt(expires, h, "sip-bad-expires");
    }
    h.ciscoKeepAlive = params.contains(";cisco-keep-alive");
  }

  /**
   * The value after {@code key} (found in {@code lower}), without quotes, up to ; > , or a quote.
   */
  private static String paramValue(String original, String lower, String key) {
    int at = lower.indexOf(key);
    if (at < 0) {
      return null;
    }
    int start = at + key.length();
    if (start < original.length() && original.charAt(start) == '"') {
      start++;
    }
    int end = start;
    while (end < original.length() && "\";>,".indexOf(original.charAt(end)) < 0) {
      end++;
    }
    return original.substring(start, end).trim();
  }

  private static Integer parseInt(String v, Head h, String anomaly) {
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      h.anomalies.add(anomaly);
      return null;
    }
  }

  private static String first(String current, String value) {
    return current != null ? current : value;
  }
}
