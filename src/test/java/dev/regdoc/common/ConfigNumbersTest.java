package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.adapter.slack.SlackSettings;
import dev.regdoc.chat.web.WebChatSettings;
import dev.regdoc.conversation.EngineSettings;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every number a setting takes is bounded: out-of-range or oversized values name the key and the
 * range.
 */
class ConfigNumbersTest {
  private static final String HUGE = "99999999999999999999";

  @Test
  void anOversizedUploadLimitNamesTheKey() {
    assertThatThrownBy(() -> EngineSettings.fromMap(Map.of("uploads.max-mb", HUGE), Path.of("x")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uploads.max-mb")
        .hasMessageContaining(HUGE);
    // 2^44 MB would overflow the byte count if shifted without a bound
    assertThatThrownBy(
            () -> EngineSettings.fromMap(Map.of("uploads.max-mb", "17592186044416"), Path.of("x")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uploads.max-mb");
    assertThatThrownBy(
            () -> EngineSettings.fromMap(Map.of("analyses.parallel", "two"), Path.of("x")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("analyses.parallel");
    assertThat(
            EngineSettings.fromMap(Map.of("uploads.max-mb", "64"), Path.of("x")).maxUploadBytes())
        .isEqualTo(64L << 20);
  }

  @Test
  void anOversizedPortNamesTheKeyAndTheRange() {
    assertThatThrownBy(() -> WebChatSettings.fromMap(Map.of("web.port", HUGE)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web.port")
        .hasMessageContaining("65535");
    assertThatThrownBy(() -> SlackSettings.from(Map.of("REGDOC_SLACK_HTTP_PORT", "70000")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REGDOC_SLACK_HTTP_PORT")
        .hasMessageContaining("65535");
  }

  @Test
  void anOversizedRetentionNamesTheKey() {
    assertThatThrownBy(
            () ->
                StoreSettings.fromMap(Map.of("files.retention-days", "999999999999999"), Map.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("files.retention-days");
    assertThatThrownBy(() -> StoreSettings.fromMap(Map.of("files.retention-days", HUGE), Map.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("files.retention-days");
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
