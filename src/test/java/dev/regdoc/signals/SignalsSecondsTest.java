package dev.regdoc.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An ASA duration as the rules read it: h:mm:ss, never a wrapped-around number. */
class SignalsSecondsTest {
  @Test
  void readsHoursMinutesAndSeconds() {
    assertThat(Signals.seconds("1:00:00")).isEqualTo(3600);
    assertThat(Signals.seconds("0:00:08")).isEqualTo(8);
    assertThat(Signals.seconds(" 2:01:30 ")).isEqualTo(7290);
  }

  @Test
  void aDurationTooLargeToCountIsUnreadableNotNegativeOrWrapped() {
    assertThat(Signals.seconds("9223372036854775807:00:00")).isEqualTo(-1);
    assertThat(Signals.seconds("153722867280912930:00:00")).isEqualTo(-1);
  }

  @Test
  void moreThanThreePartsOrNoDigitsIsUnreadable() {
    assertThat(Signals.seconds("1:2:3:4")).isEqualTo(-1);
    assertThat(Signals.seconds("")).isEqualTo(-1);
    assertThat(Signals.seconds("-1:00:00")).isEqualTo(-1);
    assertThat(Signals.seconds(null)).isEqualTo(-1);
  }
}
