package dev.regdoc.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the facts of a case out of free text: device, protocol, when it happens, CUCM version
 * (English and Japanese).
 */
final class CaseDetails {
  private static final Pattern SEP = Pattern.compile("(?i)\\bSEP[0-9A-F]{12}\\b");
  private static final Pattern MAC =
      Pattern.compile(
          "(?i)\\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\\b|\\b[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}\\b");
  private static final Pattern IP =
      Pattern.compile(
          "\\b(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}\\b");
  private static final Pattern SIP = Pattern.compile("(?i)(?<![a-z])sip(?![a-z])");
  private static final Pattern SCCP = Pattern.compile("(?i)(?<![a-z])(sccp|skinny)(?![a-z])");
  private static final Pattern WHEN =
      Pattern.compile(
          "(?i)(every\\s+\\d+\\s*(?:s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?)\\b"
              + "|every\\s+(?:morning|evening|night|day|hour)[^.,;!?]*"
              + "|(?:at|around|after)\\s+\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?\\b"
              + "|at random|randomly|intermittently|several times a day|once a day"
              + "|(?<!\\d)\\d++\\s*+(?:分|時間|秒)\\s*+(?:ごと|おき|毎|間隔)"
              + "|毎(?:朝|晩|日|時)[^。、,]*|不定期|ときどき|時々|ランダム)");

  /** A period in the words {@link #WHEN} picked: "every 16 minutes", "16 分ごと". */
  private static final Pattern PERIOD =
      Pattern.compile(
          "(?i)every\\s+(\\d{1,6})\\s*(s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?)\\b"
              + "|(?<!\\d)(\\d{1,6})\\s*+(分|時間|秒)\\s*+(?:ごと|おき|毎|間隔)");

  private static final Pattern VERSION =
      Pattern.compile(
          "(?i)(?:cucm|call"
              + " ?manager|cm|version|バージョン)\\s*+(?:version|ver\\.?|v)?+\\s*+(\\d{1,2}(?:\\.\\d++){0,3})");
  private static final Pattern BARE_VERSION =
      Pattern.compile("^\\s*+v?(\\d{1,2}(?:\\.\\d++){0,3})\\s*+$");
  private static final Pattern SYMPTOM =
      Pattern.compile(
          "(?i)(unregist|de-?regist|drops?|dropping|fail ?over|failing"
              + " over|secondary|backup|restart|reboot|reset|flap|lost registration|offline|keeps?"
              + " falling|登録解除|落ち|切り替わ|切り替え|再起動|リセット|セカンダリ|フェールオーバー|不安定)");

  private CaseDetails() {}

  static Optional<String> device(String text) {
    Matcher m = SEP.matcher(text);
    if (m.find()) {
      return Optional.of(m.group().toUpperCase(Locale.ROOT));
    }
    m = MAC.matcher(text);
    if (m.find()) {
      return Optional.of(m.group().toLowerCase(Locale.ROOT));
    }
    m = IP.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  static Optional<String> protocol(String text) {
    boolean sccp = SCCP.matcher(text).find();
    boolean sip = SIP.matcher(text).find();
    return sccp == sip ? Optional.empty() : Optional.of(sccp ? "SCCP" : "SIP");
  }

  static Optional<String> when(String text) {
    Matcher m = WHEN.matcher(text);
    return m.find() ? Optional.of(m.group().trim()) : Optional.empty();
  }

  /**
   * The period, in seconds, of the user's words for when it happens ("every 16 minutes" is 960), if
   * they name one; "every morning" or "at random" name none.
   */
  static OptionalLong periodSeconds(String when) {
    Matcher m = when == null ? null : PERIOD.matcher(when);
    if (m == null || !m.find()) {
      return OptionalLong.empty();
    }
    boolean english = m.group(1) != null;
    long n = Long.parseLong(english ? m.group(1) : m.group(3));
    String unit = (english ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
    long seconds =
        switch (unit.charAt(0)) {
          case 'h', '時' -> n * 3600;
          case 'm', '分' -> n * 60;
          default -> n;
        };
    return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
  }

  static Optional<String> version(String text) {
    Matcher m = VERSION.matcher(text);
    if (m.find()) {
      return Optional.of(m.group(1));
    }
    m = BARE_VERSION.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** True when the text describes a phone problem (so a case should open). */
  static boolean describesProblem(String text) {
    return SYMPTOM.matcher(text).find() || SEP.matcher(text).find();
  }
}
