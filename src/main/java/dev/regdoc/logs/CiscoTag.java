package dev.regdoc.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "%FACILITY-SEVERITY-MNEMONIC:" tag every Cisco message carries, e.g.
 * %UC_CALLMANAGER-3-EndPointUnregistered, %CCM_CALLMANAGER-CALLMANAGER-4-DeviceTransientConnection,
 * %LINK-3-UPDOWN, %ASA-6-302014, %ACL-IPV4_ACL-6-IPACCESSLOGP (IOS-XR puts a space before the
 * colon).
 *
 * @param start index of '%' in the text
 * @param end index after the ':'
 */
record CiscoTag(String facility, int severity, String mnemonic, int start, int end) {

  enum Source {
    CUCM,
    ASA,
    IOS
  }

  private static final Pattern TAG =
      Pattern.compile(
          "%(?<fac>[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?)-(?<sev>[0-7])-(?<mn>[A-Za-z0-9][A-Za-z0-9_]*)"
              + " ?:");
  private static final Pattern TAG_AT_START = Pattern.compile("^\\s*" + TAG.pattern());

  /** The first tag in {@code text}, or null. */
  static CiscoTag find(String text) {
    return find(text, 0);
  }

  /** The first tag in {@code text} starting at or after {@code from}, or null. */
  static CiscoTag find(CharSequence text, int from) {
    Matcher m = TAG.matcher(text);
    return from <= text.length() && m.find(from) ? of(m) : null;
  }

  /**
   * True when {@code line} begins (after blanks) with a tag: the second half of a wrapped CUCM
   * record.
   */
  static boolean startsWithTag(String line) {
    return TAG_AT_START.matcher(line).find();
  }

  private static CiscoTag of(Matcher m) {
    return new CiscoTag(
        m.group("fac"), Integer.parseInt(m.group("sev")), m.group("mn"), m.start(), m.end());
  }

  Source source() {
    if (facility.equals("ASA") || facility.equals("FTD") || facility.equals("PIX")) {
      return Source.ASA;
    }
    if (facility.startsWith("UC_") || facility.startsWith("CCM_") || facility.equals("CCM")) {
      return Source.CUCM;
    }
    return Source.IOS;
  }
}
