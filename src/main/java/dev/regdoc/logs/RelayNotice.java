package dev.regdoc.logs;

import java.util.regex.Pattern;

/**
 * Lines a syslog relay writes about itself ("last message repeated 66 times"): known, not errors.
 */
final class RelayNotice {

  private static final Pattern REPEATED =
      Pattern.compile("(?i)\\b(?:last )?message repeated \\d+ times?\\b");

  private RelayNotice() {}

  static boolean matches(String text) {
    return REPEATED.matcher(text).find() && CiscoTag.find(text) == null;
  }
}
