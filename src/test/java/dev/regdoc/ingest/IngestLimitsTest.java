package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expansion limits come from the bot's settings, and their defaults fit a laptop's disk. */
class IngestLimitsTest {
  @Test
  void defaultsBoundTheExpansionToAFewGigabytes() {
    IngestLimits d = IngestLimits.defaults();
    assertThat(d.maxExpandedTotal()).isEqualTo(2L << 30);
    assertThat(d.maxEntryBytes()).isLessThanOrEqualTo(d.maxExpandedTotal());
    assertThat(d.maxRatio()).isEqualTo(200);
  }

  @Test
  void settingsSetTheFileSizeTheExpansionAndTheRatio() {
    IngestLimits l =
        IngestLimits.fromMap(
            Map.of(
                "uploads.max-mb",
                "100",
                "uploads.max-expanded-mb",
                "300",
                "uploads.max-ratio",
                "50"),
            1);
    assertThat(l).isEqualTo(new IngestLimits(100L << 20, 300L << 20, 300L << 20, 10_000, 3, 50));
    assertThat(IngestLimits.fromMap(Map.of(), 512L << 20))
        .isEqualTo(IngestLimits.defaults().withMaxFileBytes(512L << 20));
  }

  @Test
  void aValueThatIsNotANumberNamesItsKey() {
    assertThatThrownBy(() -> IngestLimits.fromMap(Map.of("uploads.max-ratio", "lots"), 1))
        .hasMessage("uploads.max-ratio must be a whole number from 2 to 1000000, not \"lots\"");
  }
}
