package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The phrasings regdoc understands, and the phrases it says. */
class UnderstandingTest {
  private final IntentParser parser = new IntentParser();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "what is reason code 13?|REASON|13",
        "理由コード 13 とは？|REASON|13",
        "Reason=６|REASON|6",
        "sip 403|SIP_STATUS|403",
        "case 12|JOIN_CASE|12",
        "ケース 7|JOIN_CASE|7",
        "done 3|STEP_DONE|3",
        "done|STEP_DONE|",
        "skip 4|STEP_SKIP|4",
        "how do I do this?|STEP_HOW|",
        "ステップ 2 のやり方|STEP_HOW|2",
        "show the timeline for SEP0024142DDF24|TIMELINE|SEP0024142DDF24",
        "teach me|TEACH|teach me",
        "progress of alice|PROGRESS|alice",
        "show progress for bob?|PROGRESS|bob",
        "aliceさんの進捗|PROGRESS|alice",
        "alice の進捗は？|PROGRESS|alice",
        "my progress|PROGRESS|",
        "私の進捗|PROGRESS|",
        "日本語で|LANG|日本語",
        "in English|LANG|english",
        "restart cause 14|RESTART|14",
        "checklist|CHECKLIST|checklist",
        "スキップ|SKIP|スキップ",
        "findings for SEP02AB00000003|DEVICE_FINDINGS|SEP02AB00000003",
        "show the results of 192.0.2.4?|DEVICE_FINDINGS|192.0.2.4",
        "SEP02AB00000003 の結果|DEVICE_FINDINGS|SEP02AB00000003",
        "findings|FINDINGS|findings"
      })
  void commonPhrasingsAreUnderstood(String text, Intent.Kind kind, String arg) {
    Intent i = parser.parse(text);
    assertThat(i.kind()).isEqualTo(kind);
    if (arg != null) {
      assertThat(i.arg()).isEqualToIgnoringCase(arg);
    }
  }

  @Test
  void askingForOnesOwnProgressNamesNoOne() {
    assertThat(parser.parse("my progress").arg()).isNull();
    assertThat(parser.parse("進捗").arg()).isNull();
  }

  @Test
  void aProblemDescriptionIsNotACommand() {
    assertThat(parser.parse("SEP0024142DDF24 drops to the secondary every 16 minutes").kind())
        .isEqualTo(Intent.Kind.NONE);
  }

  @Test
  void caseDetailsComeOutOfFreeText() {
    String t = "our SEP0024142DDF24 (sip) falls to the backup every 16 minutes on CUCM 12.5";
    assertThat(CaseDetails.device(t)).contains("SEP0024142DDF24");
    assertThat(CaseDetails.protocol(t)).contains("SIP");
    assertThat(CaseDetails.when(t)).contains("every 16 minutes");
    assertThat(CaseDetails.version(t)).contains("12.5");
    assertThat(CaseDetails.device("phone 0024.142d.df24 again")).contains("0024.142d.df24");
    assertThat(CaseDetails.device("the phone at 192.0.2.10")).contains("192.0.2.10");
    assertThat(CaseDetails.when("16分ごとに切り替わる")).contains("16分ごと");
    assertThat(CaseDetails.protocol("SCCP or SIP?")).isEmpty();
    assertThat(CaseDetails.describesProblem("電話機が登録解除されます")).isTrue();
    assertThat(CaseDetails.describesProblem("what is fallback?")).isFalse();
  }

  @Test
  void aPeriodTheUserGivesIsReadInSeconds() {
    assertThat(CaseDetails.periodSeconds("every 16 minutes")).hasValue(960);
    assertThat(CaseDetails.periodSeconds("every 2 hours")).hasValue(7200);
    assertThat(CaseDetails.periodSeconds("every 90 s")).hasValue(90);
    assertThat(CaseDetails.periodSeconds("16 分ごと")).hasValue(960);
    assertThat(CaseDetails.periodSeconds("1時間おき")).hasValue(3600);
    assertThat(CaseDetails.periodSeconds("every morning")).isEmpty();
    assertThat(CaseDetails.periodSeconds("at random")).isEmpty();
    assertThat(CaseDetails.periodSeconds("every 0 minutes")).isEmpty();
    assertThat(CaseDetails.periodSeconds(null)).isEmpty();
  }

  @Test
  void theLanguageFollowsTheMessageUnlessTheUserChose() {
    assertThat(Languages.choose(null, "電話機が落ちます", null, "en").key()).isEqualTo("ja");
    assertThat(Languages.choose(null, "the phone drops", "ja", null).key()).isEqualTo("en");
    assertThat(Languages.choose(null, "SEP0024142DDF24", null, "ja").key()).isEqualTo("ja");
    assertThat(Languages.choose("ja", "the phone drops", null, null).key()).isEqualTo("ja");
  }

  @Test
  void everyPhraseTheCodeSaysExistsInBothLanguages() throws IOException {
    Phrases phrases = Phrases.load(Path.of("knowledge-base"));
    Pattern used = Pattern.compile("(?:say|phrases\\(\\))\\.get\\(\"([a-z-]+)\"");
    int seen = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/regdoc/conversation"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = used.matcher(Files.readString(f));
        while (m.find()) {
          assertThat(phrases.has(m.group(1)))
              .as("phrase %s used in %s", m.group(1), f.getFileName())
              .isTrue();
          seen++;
        }
      }
    }
    assertThat(seen).isGreaterThan(40);
  }
}
