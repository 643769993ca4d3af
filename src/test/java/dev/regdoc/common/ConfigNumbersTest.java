package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.adapter.slack.SlackSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every number a setting takes is bounded: out-of-range or oversized values name the key and the
 * range (the config file's keys: BotConfigNumbersTest).
 */
class ConfigNumbersTest {
  private static final String HUGE = "99999999999999999999";

  @Test
  void anOversizedSlackPortNamesTheVariableAndTheRange() {
    assertThatThrownBy(() -> SlackSettings.from(Map.of("REGDOC_SLACK_HTTP_PORT", "70000")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REGDOC_SLACK_HTTP_PORT")
        .hasMessageContaining("65535");
  }

  @Test
  void aWholeNumberWithinBounds() {
    assertThat(WholeNumbers.within("42", 1, 100)).hasValue(42);
    assertThat(WholeNumbers.within(" 7 ", 1, 100)).hasValue(7);
    assertThat(WholeNumbers.within("101", 1, 100)).isEmpty();
    assertThat(WholeNumbers.within(HUGE, 1, Long.MAX_VALUE)).isEmpty();
    assertThat(WholeNumbers.within("9223372036854775807", 1, Long.MAX_VALUE))
        .hasValue(Long.MAX_VALUE);
    assertThat(WholeNumbers.within("-3", 1, 100)).isEmpty();
    assertThat(WholeNumbers.within("1" + "0".repeat(10_000), 1, 100)).isEmpty();
    assertThat(WholeNumbers.within(null, 1, 100)).isEmpty();
    assertThat(WholeNumbers.within("٣", 1, 100)).as("only ASCII digits").isEmpty();
  }
}
