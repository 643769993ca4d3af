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
              + "|every\\s++half\\s++(?:an\\s++)?hour|(?:half-)?hourly"
              + "|(?:once|twice|(?:\\d{1,4}|two|three|four|five|six)\\s++times)\\s++"
              + "(?:an?|per|each|every)\\s++(?:hour|day)\\b"
              + "|every\\s+(?:morning|evening|night|day|hour)[^.,;!?]*"
              + "|(?:at|around|after)\\s+\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?\\b"
              + "|at random|randomly|intermittently|several times a day|once a day"
              + "|(?<!\\d)\\d++\\s*+(?:分|時間|秒)\\s*+(?:ごと|おき|毎|間隔)"
              + "|(?<!\\d)\\d++\\s*+回\\s*+/\\s*+(?:時間|日)"
              + "|(?<!\\d)\\d++\\s*+(?:分|時間|日)\\s*+に\\s*+\\d++\\s*+回"
              + "|毎(?:朝|晩|日|時)[^。、,]*|不定期|ときどき|時々|ランダム)");

  /** An interval in the words {@link #WHEN} picked: "every 16 minutes", "16 分ごと". */
  private static final Pattern INTERVAL =
      Pattern.compile(
          "(?i)every\\s+(\\d{1,6})\\s*(s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?)\\b"
              + "|(?<!\\d)(\\d{1,6})\\s*+(分|時間|秒)\\s*+(?:ごと|おき|毎|間隔)");

  /**
   * A frequency: "twice an hour", "3 times a day", "once every hour", "2回/時間", "1時間に2回", "30分に1回",
   * "毎時2回"; the groups are the count (English, or digits) and the span it is counted in (one unit,
   * or a number of units).
   */
  private static final Pattern FREQUENCY =
      Pattern.compile(
          "(?i)(once|twice|\\d{1,4}|two|three|four|five|six)(?:\\s++times)?\\s++"
              + "(?:an?|per|each|every)\\s++(hour|day)\\b"
              + "|(?<!\\d)(\\d{1,4})\\s*+回\\s*+/\\s*+(時間|日)"
              + "|(?<!\\d)(\\d{1,4})\\s*+(分|時間|日)\\s*+に\\s*+(\\d{1,4})\\s*+回"
              + "|毎(時|日)\\s*+(\\d{1,4})\\s*+回");

  /** "every hour", "hourly", "every half hour": a period named without a number. */
  private static final Pattern HOURLY =
      Pattern.compile("(?i)every\\s++(half\\s++(?:an\\s++)?)?hour|(half-)?hourly");

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
    if (when == null) {
      return OptionalLong.empty();
    }
    long seconds = interval(when);
    if (seconds < 0) {
      seconds = frequency(when);
    }
    if (seconds < 0) {
      Matcher h = HOURLY.matcher(when);
      seconds = h.find() ? (h.group(1) != null || h.group(2) != null ? 1800 : 3600) : -1;
    }
    return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
  }

  /** "every 16 minutes", "16 分ごと" in seconds, or -1. */
  private static long interval(String when) {
    Matcher m = INTERVAL.matcher(when);
    if (!m.find()) {
      return -1;
    }
    boolean english = m.group(1) != null;
    long n = Long.parseLong(english ? m.group(1) : m.group(3));
    return n * unitSeconds(english ? m.group(2) : m.group(4));
  }

  /** "twice an hour", "1時間に2回" as the period between two times, in seconds, or -1. */
  private static long frequency(String when) {
    Matcher m = FREQUENCY.matcher(when);
    if (!m.find()) {
      return -1;
    }
    long times;
    long span;
    if (m.group(1) != null) {
      times = count(m.group(1));
      span = unitSeconds(m.group(2));
    } else if (m.group(3) != null) {
      times = Long.parseLong(m.group(3));
      span = unitSeconds(m.group(4));
    } else if (m.group(5) != null) {
      times = Long.parseLong(m.group(7));
      span = Long.parseLong(m.group(5)) * unitSeconds(m.group(6));
    } else {
      times = Long.parseLong(m.group(9));
      span = unitSeconds(m.group(8));
    }
    return times > 0 ? span / times : -1;
  }

  private static long count(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "once" -> 1;
      case "twice", "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      default -> Long.parseLong(word);
    };
  }

  /** The seconds of a unit word: "minutes", "h", "分", "時間", "日"... */
  private static long unitSeconds(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.startsWith("d") || u.equals("日")) {
      return 86_400;
    }
    return switch (u.charAt(0)) {
      case 'h', '時' -> 3600;
      case 'm', '分' -> 60;
      default -> 1;
    };
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
