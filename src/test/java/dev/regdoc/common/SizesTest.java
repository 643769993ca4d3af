package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void exactMultiplesHaveNoDecimals() {
    assertThat(Sizes.human(1L << 20)).isEqualTo("1 MB");
    assertThat(Sizes.human(12L << 10)).isEqualTo("12 KB");
    assertThat(Sizes.human(200L << 20)).isEqualTo("200 MB");
    assertThat(Sizes.human(2L << 30)).isEqualTo("2 GB");
  }

  @Test
  void otherSizesHaveOneDecimalBelowTen() {
    assertThat(Sizes.human(3L << 19)).isEqualTo("1.5 MB");
    assertThat(Sizes.human((12L << 20) + 300_000)).isEqualTo("12 MB");
    assertThat(Sizes.human(1536)).isEqualTo("1.5 KB");
  }

  @Test
  void smallCountsAreBytes() {
    assertThat(Sizes.human(0)).isEqualTo("0 bytes");
    assertThat(Sizes.human(512)).isEqualTo("512 bytes");
    assertThat(Sizes.human(1023)).isEqualTo("1023 bytes");
  }
}
