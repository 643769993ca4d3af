package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.common.WorkStopped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule session that must stop is halted from outside: rules run their own code and check no
 * limit.
 */
class DiagnoserStopTest {
  /**
   * Each firing takes a millisecond and inserts the next fact: without a halt, 100 000 firings (100
   * s), then a failure.
   */
  static final String SLOW_LOOP =
      """
      package regdoc.rules
      import java.util.concurrent.locks.LockSupport
      rule "slow forever"
      ruleflow-group "causes"
      when
        $s : String()
      then
        LockSupport.parkNanos(1_000_000L);
        insert(new String($s));
      end
      """;

  @TempDir static Path dir;
  static RuleBase rules;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(dir.resolve("slow.drl"), SLOW_LOOP);
    rules = RuleBase.load(dir);
  }

  @Test
  void aSessionPastItsLimitIsHaltedAndSaysSo() {
    AtomicInteger asked = new AtomicInteger();
    Diagnoser.Diagnosis r =
        new Diagnoser(rules).diagnosis(List.of("x"), () -> asked.incrementAndGet() > 3);
    assertThat(r.halted()).isTrue();
    assertThat(r.findings()).isEmpty();
    assertThat(asked.get()).isGreaterThan(3);
  }

  @Test
  void aSessionWhoseThreadIsInterruptedStopsAsCancelled() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> new Diagnoser(rules).diagnosis(List.of("x"), () -> false))
          .isInstanceOfSatisfying(
              WorkStopped.class, e -> assertThat(e.why()).isEqualTo(WorkStopped.Why.CANCELLED));
    } finally {
      Thread.interrupted();
    }
  }
}
