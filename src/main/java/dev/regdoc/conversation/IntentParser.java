package dev.regdoc.conversation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the common phrasings, English and Japanese, by patterns tried in order. Text that
 * matches none is left to the conversation (an answer to the question it asked, a concept question,
 * or help).
 */
final class IntentParser {
  /** A case number, or a join code: the number, a hyphen and the case's token. */
  private static final String CASE_CODE = "\\d+(?:-[A-Za-z0-9_-]{16,64})?";

  private record Rule(Pattern pattern, Intent.Kind kind, int group) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "^(help|\\?|hi|hello|hey|start|what can you do\\??|ヘルプ|使い方|こんにちは|何ができますか[?？]?)$",
              Intent.Kind.HELP,
              0),
          rule(
              "^(new case|open (?:a )?(?:new )?case|start (?:a )?(?:new"
                  + " )?case|新しいケース|ケースを?(?:作成|開始))",
              Intent.Kind.NEW_CASE,
              0),
          rule(
              "^(?:join |open |switch to )?case\\s*#?("
                  + CASE_CODE
                  + ")$|^ケース\\s*#?("
                  + CASE_CODE
                  + ")(?:\\s*に参加)?$",
              Intent.Kind.JOIN_CASE,
              -1),
          rule(
              "^(?:show (?:me )?)?(?:the )?(checklist|steps|what should i collect\\??|what do i"
                  + " collect\\??)$|^(チェックリスト|何を集め(?:れば|たら)いい.*)$",
              Intent.Kind.CHECKLIST,
              0),
          rule(
              "^(?:show (?:me )?)?(?:the )?(?:findings|diagnosis|results?)"
                  + "\\s+(?:for|of|about)\\s+(\\S+?)\\??$"
                  + "|^(\\S+?)\\s*の(?:結果|診断結果)(?:を(?:見せて|表示))?[?？]?$",
              Intent.Kind.DEVICE_FINDINGS,
              -1),
          rule(
              "^(?:show (?:me )?)?(?:the )?(findings|diagnosis|results?|status)$|^(結果|診断結果|状況)$",
              Intent.Kind.FINDINGS,
              0),
          rule(
              "^(?:mark )?(?:step\\s*+)?(\\d++)?\\s*+(?:is )?(?:done|finished|collected)"
                  + "(?:\\s*+(?:step\\s*+)?(\\d++))?$"
                  + "|^(?:ステップ\\s*+)?(\\d++)?\\s*+(?:を)?(?:完了|済み|取得した)$",
              Intent.Kind.STEP_DONE,
              -1),
          rule(
              "^(?:skip)\\s*(?:step\\s*)?(\\d+)$|^(?:ステップ\\s*)?(\\d+)\\s*(?:を)?スキップ$",
              Intent.Kind.STEP_SKIP,
              -1),
          rule(
              "^(?:how do i do (?:this|that|step\\s*(\\d+))\\??|how\\??|how (?:to|do i)"
                  + " (?:do|collect)"
                  + " (?:step\\s*)?(\\d+)?\\??)$|^(?:ステップ\\s*(\\d+)\\s*の)?(?:やり方|方法|手順)(?:は|を教えて)?[?？]?$",
              Intent.Kind.STEP_HOW,
              -1),
          // the Japanese form starts only where a word or the text starts: from inside a word or a
          // run of
          // blanks it could only find the same match later, after rescanning the rest of the run
          rule(
              "(?:show (?:me )?)?(?:the"
                  + " )?timeline(?:\\s++(?:for|of)\\s++(\\S++))?|(?:^|(?<=\\s)(?=\\S))(\\S+)?\\s*+の?タイムライン",
              Intent.Kind.TIMELINE,
              -1),
          rule(
              "^(?:show )?(?:my )?(?:learning )?progress$|^(?:私の|自分の)?(?:学習の?)?進捗$"
                  + "|^(?:show )?(?:the )?(?:learning )?progress(?: of| for)?\\s+(\\S+?)\\??$"
                  + "|^(\\S+?)\\s*(?:さん)?の(?:学習の?)?進捗(?:は|を見せて|を表示)?[?？]?$",
              Intent.Kind.PROGRESS,
              -1),
          rule(
              "^(teach me|lessons?|training|onboarding|教えて|レッスン|勉強したい|学びたい)", Intent.Kind.TEACH, 0),
          rule(
              "^(stop(?: the)? lesson|quit lesson|end lesson|レッスン(?:を)?(?:終了|やめる|中断))",
              Intent.Kind.STOP_LESSON,
              0),
          rule("^(?:in |speak |use )?(japanese|日本語)(?:で(?:お願いします)?)?$", Intent.Kind.LANG, -1),
          rule("^(?:in |speak |use )?(english|英語)(?:で(?:お願いします)?)?$", Intent.Kind.LANG, -1),
          rule(
              "^(skip|pass|don'?t know|i don'?t know|not sure|n/?a|スキップ|わからない|分からない|不明)$",
              Intent.Kind.SKIP,
              0),
          rule(
              "reason(?:\\s*+code)?\\s*+#?(\\d{1,3})|理由\\s*+コード\\s*+(\\d{1,3})|reason\\s*+=\\s*+(\\d{1,3})",
              Intent.Kind.REASON,
              -1),
          rule(
              "\\bsip\\s*+(?:status|response|code)?+\\s*+(\\d{3})\\b|^(\\d{3})\\s++(?:forbidden|not"
                  + " found|unauthorized|request timeout|server internal error|service"
                  + " unavailable)",
              Intent.Kind.SIP_STATUS, -1),
          rule(
              "restart\\s*+(?:cause|reason)?+\\s*+#?(\\d{1,2})\\b|再起動\\s*+(?:理由|原因)\\s*+(\\d{1,2})",
              Intent.Kind.RESTART,
              -1));

  private static Rule rule(String regex, Intent.Kind kind, int group) {
    return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), kind, group);
  }

  Intent parse(String text) {
    String t = normalize(text);
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(t);
      if (m.find()) {
        return new Intent(r.kind(), r.group() == 0 ? m.group(0) : firstGroup(m));
      }
    }
    return Intent.of(Intent.Kind.NONE);
  }

  private static String firstGroup(Matcher m) {
    for (int i = 1; i <= m.groupCount(); i++) {
      if (m.group(i) != null) {
        return m.group(i);
      }
    }
    return null;
  }

  private static final Pattern BLANKS = Pattern.compile("\\s++");

  /**
   * Starts only where a run of stops starts, so a long run is not rescanned from each of its stops.
   */
  private static final Pattern FINAL_STOPS = Pattern.compile("(?<![.!。！])[.!。！]++$");

  /**
   * NFKC (full-width digits and letters become ASCII), trimmed, trailing punctuation kept for
   * questions.
   */
  static String normalize(String text) {
    String blanksOne =
        BLANKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()).replaceAll(" ");
    return FINAL_STOPS.matcher(blanksOne).replaceAll("");
  }

  static final Map<String, String> LANG_WORDS =
      Map.of("japanese", "ja", "日本語", "ja", "english", "en", "英語", "en");

  static String langOf(String arg) {
    String word = arg.toLowerCase(Locale.ROOT).replaceFirst("^(?:in|speak|use) ", "");
    int de = word.indexOf('で');
    return LANG_WORDS.getOrDefault(de < 0 ? word : word.substring(0, de), "en");
  }
}
