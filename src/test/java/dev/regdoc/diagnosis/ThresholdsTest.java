package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.signals.RefreshTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The judgements live in rules/thresholds.drl; the one number the timeline chart also needs (CUCM's
 * grace past a refresh's due time, to draw the deadline) must say the same in both places.
 */
class ThresholdsTest {
  @Test
  void theChartsDeadlineIsTheRulesDeadline() throws Exception {
    String drl = Files.readString(Path.of("rules/thresholds.drl"));
    Matcher m = Pattern.compile("r\\.sinceLastOk\\(\\) \\+ (\\d++)").matcher(drl);
    assertThat(m.find()).as("answeredLate's grace in thresholds.drl").isTrue();
    assertThat(Double.parseDouble(m.group(1))).isEqualTo(RefreshTiming.CUCM_GRACE_SECONDS);
  }

  @Test
  void everyRuleFileCompilesWithTheSharedJudgements() {
    assertThat(RuleBase.load(Path.of("rules")).files()).contains("thresholds.drl");
  }
}
