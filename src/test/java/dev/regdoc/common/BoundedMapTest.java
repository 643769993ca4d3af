package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedMapTest {
  @Test
  void leastRecentlyUsedOutKeepsWhatWasJustRead() {
    Map<String, Integer> m = BoundedMap.leastRecentlyUsedOut(2);
    m.put("a", 1);
    m.put("b", 2);
    m.get("a");
    m.put("c", 3);
    assertThat(m).containsOnlyKeys("a", "c");
  }

  @Test
  void oldestOutForgetsTheFirstPutHoweverOftenItWasRead() {
    Map<String, Integer> m = BoundedMap.oldestOut(2);
    m.put("a", 1);
    m.put("b", 2);
    m.get("a");
    m.put("c", 3);
    assertThat(m).containsOnlyKeys("b", "c");
  }
}
