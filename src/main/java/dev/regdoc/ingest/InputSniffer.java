package dev.regdoc.ingest;

import dev.regdoc.ccmtrace.TraceSniffer;
import dev.regdoc.facts.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Recognises captures, archives, syslog and Cisco configs from their first bytes. */
public final class InputSniffer {
  static final int HEAD = 64 * 1024;

  /** What a text with no log line and no configuration is called (and nothing more is said). */
  public static final String OTHER_TEXT = "not a log or configuration";

  private static final Pattern CISCO_TAG =
      Pattern.compile("%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?-[0-7]-[A-Za-z0-9_]+:");
  private static final Pattern OLD_CUCM =
      Pattern.compile(
          "(?m)(DeviceUnregistered|DeviceTransientConnection|EndPointUnregistered|EndPointTransientConnection)");
  private static final Pattern IOS_INTERFACE = Pattern.compile("(?m)^interface \\S+");
  private static final Pattern IOS_HINT =
      Pattern.compile("(?m)^[ \\t]*+(switchport|hostname \\S+|version \\d|spanning-tree)");
  private static final Pattern PORT_SECURITY_SHOW =
      Pattern.compile("(?m)^[ \\t]*+Aging Time[ \\t]*+:[ \\t]*+\\d");

  /**
   * A line as a log writes it: a syslog priority, an IOS sequence number, a time of day, or a
   * message tag at its start. Prose that merely names a Cisco message (a fixture folder's README)
   * has none of these on the line that names it.
   */
  private static final Pattern LOG_START =
      Pattern.compile("<\\d{1,3}>|(?<!\\d)\\d++: |%[A-Z]|CCM\\|");

  private static final Pattern TIME_OF_DAY = Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}\\b");

  private static final Pattern ASA_HINT =
      Pattern.compile("(?m)^(?:: )?ASA Version|^[ \\t]*+nameif \\S");

  public Sniffed sniff(Path file) throws IOException {
    if (Files.size(file) == 0) {
      return new Sniffed(InputKind.EMPTY, "an empty file (0 bytes)");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    }
    return sniff(head);
  }

  Sniffed sniff(byte[] head) {
    if (head.length == 0) {
      return new Sniffed(InputKind.EMPTY, "an empty file (0 bytes)");
    }
    Sniffed binary = binaryFormat(head);
    if (binary != null) {
      return binary;
    }
    if (!looksLikeText(head)) {
      if (CISCO_TAG.matcher(new String(head, StandardCharsets.ISO_8859_1)).find()) {
        return new Sniffed(InputKind.SYSLOG, "syslog text with binary data mixed in");
      }
      return new Sniffed(
          InputKind.UNKNOWN, "binary data of an unknown kind (first bytes " + hex(head, 8) + ")");
    }
    return textFormat(new String(head, StandardCharsets.UTF_8));
  }

  private static Sniffed binaryFormat(byte[] h) {
    if (h.length >= 4) {
      int be = (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
      switch (be) {
        case 0xa1b2c3d4:
          return new Sniffed(InputKind.PCAP, "pcap (microsecond, big endian)");
        case 0xd4c3b2a1:
          return new Sniffed(InputKind.PCAP, "pcap (microsecond, little endian)");
        case 0xa1b23c4d:
          return new Sniffed(InputKind.PCAP, "pcap (nanosecond, big endian)");
        case 0x4d3cb2a1:
          return new Sniffed(InputKind.PCAP, "pcap (nanosecond, little endian)");
        case 0x0a0d0d0a:
          return new Sniffed(InputKind.PCAPNG, "pcapng");
        case 0x504b0304:
          return new Sniffed(InputKind.ZIP, "a zip archive");
        case 0x504b0506:
          return new Sniffed(InputKind.ZIP, "an empty zip archive");
        case 0x25504446:
          return new Sniffed(InputKind.UNKNOWN, "a PDF document");
        case 0x89504e47:
          return new Sniffed(InputKind.UNKNOWN, "a PNG image");
        case 0x7f454c46:
          return new Sniffed(InputKind.UNKNOWN, "a Linux executable (ELF)");
        default:
          break;
      }
    }
    if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
      return new Sniffed(InputKind.GZIP, "gzip-compressed data");
    }
    if (startsWith(h, "BZh")) {
      return new Sniffed(
          InputKind.UNKNOWN,
          "bzip2-compressed data (decompress it, or send it gzip- or zip-compressed)");
    }
    if (h.length >= 6 && (h[0] & 0xff) == 0xfd && startsWith(h, 1, "7zXZ")) {
      return new Sniffed(
          InputKind.UNKNOWN,
          "xz-compressed data (decompress it, or send it gzip- or zip-compressed)");
    }
    if (startsWith(h, "7z")) {
      return new Sniffed(InputKind.UNKNOWN, "a 7-Zip archive (send a zip instead)");
    }
    if (startsWith(h, "Rar!")) {
      return new Sniffed(InputKind.UNKNOWN, "a RAR archive (send a zip instead)");
    }
    if (startsWith(h, "snoop")) {
      return new Sniffed(
          InputKind.UNKNOWN, "a Solaris snoop capture (convert it with editcap -F pcapng)");
    }
    if ((h.length >= 3
        && (h[0] & 0xff) == 0xff
        && (h[1] & 0xff) == 0xd8
        && (h[2] & 0xff) == 0xff)) {
      return new Sniffed(InputKind.UNKNOWN, "a JPEG image");
    }
    return null;
  }

  private static Sniffed textFormat(String text) {
    String trace = TraceSniffer.describe(text);
    if (trace != null) {
      // before syslog: a trace may quote alarms and "CCM|" lines of its own
      return new Sniffed(InputKind.CCM_TRACE, trace);
    }
    if (text.lines().anyMatch(InputSniffer::isCiscoLogLine)) {
      return new Sniffed(InputKind.SYSLOG, "syslog text (Cisco messages)");
    }
    if (ASA_HINT.matcher(text).find()) {
      return new Sniffed(InputKind.ASA_CONFIG, "a Cisco ASA configuration");
    }
    if ((IOS_INTERFACE.matcher(text).find() && IOS_HINT.matcher(text).find())
        || PORT_SECURITY_SHOW.matcher(text).find()) {
      return new Sniffed(InputKind.IOS_CONFIG, "a Cisco IOS configuration");
    }
    if (!mostlyLogLines(text)) {
      return new Sniffed(InputKind.OTHER_TEXT, OTHER_TEXT);
    }
    String first = text.strip().lines().findFirst().orElse("");
    return new Sniffed(
        InputKind.UNKNOWN,
        "text that is neither Cisco syslog, a Cisco configuration nor a CallManager trace (it"
            + " starts \""
            + (first.length() > 60 ? first.substring(0, 60) + "..." : first)
            + "\")");
  }

  private static boolean isCiscoLogLine(String line) {
    return (CISCO_TAG.matcher(line).find()
            || OLD_CUCM.matcher(line).find()
            || line.contains("CCM|"))
        && isLogLine(line);
  }

  /** At least half the lines that are not blank look like log lines. */
  private static boolean mostlyLogLines(String text) {
    long[] counts = new long[2];
    text.lines()
        .filter(l -> !l.isBlank())
        .forEach(
            l -> {
              counts[0]++;
              counts[1] += isLogLine(l) ? 1 : 0;
            });
    return counts[1] > 0 && counts[1] * 2 >= counts[0];
  }

  private static boolean isLogLine(String line) {
    return LOG_START.matcher(line).lookingAt() || TIME_OF_DAY.matcher(line).find();
  }

  /**
   * Text if nearly all bytes are printable, tab, CR or LF (UTF-8 multi-byte sequences count as
   * printable).
   */
  static boolean looksLikeText(byte[] h) {
    int bad = 0;
    for (byte b : h) {
      int v = b & 0xff;
      if (v == 0 || (v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != 0x0c)) {
        bad++;
      }
    }
    return bad <= h.length / 100;
  }

  private static boolean startsWith(byte[] h, String s) {
    return startsWith(h, 0, s);
  }

  private static boolean startsWith(byte[] h, int off, String s) {
    if (h.length < off + s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (h[off + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static String hex(byte[] h, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(n, h.length); i++) {
      sb.append(String.format("%02x", h[i] & 0xff));
    }
    return sb.toString();
  }
}
