package dev.regdoc.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameListTest {

  @Test
  void oneFrameIsTheListOfThatFrame() {
    List<Long> one = FrameList.of(new long[] {484});

    assertThat(one).containsExactly(484L).isEqualTo(List.of(484L));
    assertThat(one.hashCode()).isEqualTo(List.of(484L).hashCode());
    assertThatThrownBy(() -> one.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void severalFramesKeepTheirOrder() {
    List<Long> resent = FrameList.of(new long[] {10, 12, 16});

    assertThat(resent).containsExactly(10L, 12L, 16L).isEqualTo(List.of(10L, 12L, 16L));
    assertThat(resent.stream().mapToLong(Long::longValue).max()).hasValue(16);
  }

  @Test
  void noFramesIsEmptyAndTheListCannotBeChanged() {
    assertThat(FrameList.of(new long[0])).isEmpty();
    assertThatThrownBy(() -> FrameList.of(new long[] {1}).add(2L))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
