package dev.regdoc.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerant parser of one SIP message head (start line and headers). Real traffic has LF-only lines,
 * compact header names, junk before the start line and messages cut by the capture; each becomes an
 * anomaly code in {@link Head#anomalies}, never an exception.
 */
final class SipParser {
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
    int contentLength = -1;
    final List<String> anomalies = new ArrayList<>();
  }

  private SipParser() {}

  /** True when the text at {@code line} is a SIP request or status line (cheap checks before the regex). */
  static boolean isStartLine(String line) {
    if (line.startsWith("SIP/2.0 ")) {
      return STATUS_LINE.matcher(line).matches();
    }
    return line.endsWith(" SIP/2.0") && REQUEST_LINE.matcher(line).matches();
  }

  /**
   * Parses a head from {@code text} (start line first, junk already removed), returns null when the
   * first line is not a SIP start line.
   */
  static Head parseHead(String text) {
    boolean lfOnly = text.indexOf('\n') >= 0 && text.indexOf("\r\n") < 0;
    List<String> lines = lines(text);
    Head h = new Head();
    if (!parseStartLine(lines.get(0).trim(), h)) {
      return null;
    }
    if (lfOnly) {
      h.anomalies.add("sip-lf-line-endings");
    }
    String name = null;
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        break;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.trim()); // folded header continuation
        continue;
      }
      if (name != null) {
        header(h, name, value.toString().trim());
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        h.anomalies.add("sip-malformed-header");
        name = null;
        continue;
      }
      name = canonical(line.substring(0, colon).trim());
      value.setLength(0);
      value.append(line.substring(colon + 1));
    }
    if (name != null) {
      header(h, name, value.toString().trim());
    }
    return h;
  }

  /** Lines without their CR/LF; no regex (this runs for every message). */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(24);
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      int e = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      out.add(text.substring(start, e));
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out;
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

  /** Full header name for RFC 3261 compact forms, lower case. */
  private static String canonical(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    switch (n) {
      case "i": return "call-id";
      case "m": return "contact";
      case "l": return "content-length";
      case "f": return "from";
      case "t": return "to";
      case "v": return "via";
      case "k": return "supported";
      case "c": return "content-type";
      case "s": return "subject";
      case "e": return "content-encoding";
      default: return n;
    }
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

  /** Device name, instance MAC, expires and keepalive flag of a Contact, by index search (hot path). */
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
      while (end < lower.length() && (Character.digit(lower.charAt(end), 16) >= 0 || lower.charAt(end) == '-')) {
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

  /** The value after {@code key} (found in {@code lower}), without quotes, up to ; > , or a quote. */
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
