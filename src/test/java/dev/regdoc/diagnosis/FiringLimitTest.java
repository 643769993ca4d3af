package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.signals.RefreshTiming;
import dev.regdoc.signals.RegistrationHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firing limit grows with the input, so that a rule that fires once per refresh is not taken
 * for a loop: the refreshes, attempts and keepalives a device's history holds count as facts of
 * their own, as they were before only the histories carried them.
 */
class FiringLimitTest {
  private static final String ONCE_PER_REFRESH =
      """
      package regdoc.rules
      import dev.regdoc.signals.*;
      rule "each refresh"
      ruleflow-group "causes"
      when
        $h : RegistrationHistory( )
        $r : RefreshTiming( ) from $h.refreshes()
      then
      end
      """;

  private static final String LOOP =
      """
      package regdoc.rules
      rule "forever"
      ruleflow-group "causes"
      when
        $s : String()
      then
        insert(new String($s));
      end
      """;

  @Test
  void aRuleFiringOncePerRefreshOfAHistoryIsNoLoop(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("each.drl"), ONCE_PER_REFRESH);
    // one fact, and more refreshes in it than the limit of one fact allows firings
    int refreshes = Diagnoser.FIRING_LIMIT + Diagnoser.FIRINGS_PER_FACT + 1;
    RegistrationHistory history =
        new RegistrationHistory(
            "SEP0A1AB0000001", List.of(), Collections.nCopies(refreshes, refresh()), List.of());

    Diagnoser.Diagnosis d =
        new Diagnoser(RuleBase.load(dir)).diagnosis(List.of(history), () -> false);

    assertThat(d.rulesFired()).containsExactly("each refresh");
    assertThat(d.halted()).isFalse();
  }

  @Test
  void aLoopStillFails(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("loop.drl"), LOOP);
    assertThatThrownBy(() -> new Diagnoser(RuleBase.load(dir)).diagnose(List.of("x")))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("looping");
  }

  private static RefreshTiming refresh() {
    return new RefreshTiming(
        "SEP0A1AB0000001",
        "phone.pcap",
        1,
        Instant.parse("2026-01-05T08:00:00Z"),
        "198.51.100.10",
        102,
        115,
        120,
        List.of(),
        List.of(),
        115.2,
        3,
        false,
        null,
        0);
  }
}
