package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The expansion limits' defaults fit a laptop's disk (the config sets them: BotConfigTest). */
class IngestLimitsTest {
  @Test
  void defaultsBoundTheExpansionToAFewGigabytes() {
    IngestLimits d = IngestLimits.defaults();
    assertThat(d.maxExpandedTotal()).isEqualTo(2L << 30);
    assertThat(d.maxEntryBytes()).isLessThanOrEqualTo(d.maxExpandedTotal());
    assertThat(d.maxRatio()).isEqualTo(200);
  }
}
