package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How often the user says it happens, in the words people use in both languages, read out of a
 * sentence and turned into the period the rules set against the files: a frequency ("twice an
 * hour", "1時間に2回") is a period as much as an interval ("every 30 minutes", "30分ごと").
 */
class ReportedPeriodWordsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the phone drops every 16 minutes | 960",
        "it fails over every 2 hours | 7200",
        "it falls to the backup twice an hour | 1800",
        "drops twice per hour | 1800",
        "it unregisters every half hour | 1800",
        "it unregisters every half an hour | 1800",
        "it unregisters once an hour | 3600",
        "unregisters once every hour | 3600",
        "it drops every hour | 3600",
        "it drops hourly | 3600",
        "it drops 3 times an hour | 1200",
        "it drops four times an hour | 900",
        "it drops 4 times a day | 21600",
        "電話機が 16分ごとに落ちます | 960",
        "16 分ごとに切り替わる | 960",
        "1時間おきに登録解除 | 3600",
        "2回/時間 落ちます | 1800",
        "2 回 / 時間で落ちる | 1800",
        "1時間に2回落ちます | 1800",
        "1 時間に 2 回 登録解除されます | 1800",
        "30分に1回落ちます | 1800",
        "毎時2回落ちます | 1800",
        "1日に4回落ちます | 21600",
      })
  void aPeriodInTheUsersWordsIsReadInSeconds(String sentence, long seconds) {
    Optional<String> when = CaseDetails.when(sentence);
    assertThat(when).as(sentence).isPresent();
    assertThat(CaseDetails.periodSeconds(when.get())).as(when.get()).hasValue(seconds);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "every morning",
        "at random",
        "ときどき落ちます",
        "every 0 minutes",
        "0回/時間",
        "1時間に0回",
      })
  void wordsThatNameNoPeriodGiveNone(String sentence) {
    OptionalLong period =
        CaseDetails.when(sentence).map(CaseDetails::periodSeconds).orElse(OptionalLong.empty());
    assertThat(period).isEmpty();
  }
}
