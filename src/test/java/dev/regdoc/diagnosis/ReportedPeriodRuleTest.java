package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.ReportedPeriod;
import dev.regdoc.signals.Phone;
import dev.regdoc.signals.RoleChange;
import dev.regdoc.timeline.event.EventKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The period the user reported reaches the failover-cycle rule: several measured cycles agree with
 * it or not (the tolerance is rules/thresholds.drl's), one cycle can do neither, and nothing is
 * said of a period nobody reported.
 */
class ReportedPeriodRuleTest {
  private static final String DEVICE = "SEP0024142DDF24";
  private static final Instant START = Instant.parse("2015-07-15T22:40:00Z");
  private static Diagnoser rules;

  @BeforeAll
  static void load() {
    rules = new Diagnoser(RuleBase.load(Path.of("rules")));
  }

  /** {@code cycles} failovers {@code minutes} apart, each followed by a fallback 2 minutes on. */
  private static List<Object> cycles(int cycles, int minutes) {
    List<Object> facts = new ArrayList<>();
    facts.add(
        new Phone(
            DEVICE,
            "00:24:14:2d:df:24",
            List.of("192.0.2.50"),
            List.of("198.51.100.10", "198.51.100.11"),
            null));
    for (int i = 0; i < cycles; i++) {
      Instant away = START.plus(Duration.ofMinutes((long) i * minutes));
      facts.add(
          new RoleChange(
              DEVICE,
              EventKind.FAILOVER,
              "198.51.100.10",
              "198.51.100.11",
              away,
              "phone.pcap",
              10 + i));
      facts.add(
          new RoleChange(
              DEVICE,
              EventKind.FALLBACK,
              "198.51.100.11",
              "198.51.100.10",
              away.plus(Duration.ofMinutes(2)),
              "phone.pcap",
              100 + i));
    }
    return facts;
  }

  private static Finding cycle(List<Object> facts) {
    return rules.diagnose(facts).stream()
        .filter(f -> f.code().equals("failover-cycle"))
        .findFirst()
        .orElseThrow();
  }

  private static List<Object> with(List<Object> facts, long reportedSeconds) {
    List<Object> out = new ArrayList<>(facts);
    out.add(new ReportedPeriod(reportedSeconds));
    return out;
  }

  @Test
  void severalCyclesMatchingTheReportedPeriodAgree() {
    Finding f = cycle(with(cycles(3, 16), 960));
    assertThat(f.values()).containsEntry("reported", 960L).containsEntry("reportedAgrees", true);
  }

  @Test
  void severalCyclesFarFromTheReportedPeriodDisagree() {
    Finding f = cycle(with(cycles(3, 24), 960));
    assertThat(f.values()).containsEntry("period", 1440L);
    assertThat(f.values()).containsEntry("reported", 960L).containsEntry("reportedAgrees", false);
  }

  @Test
  void oneCycleNeitherAgreesNorDisagrees() {
    Finding f = cycle(with(cycles(1, 16), 960));
    assertThat(f.values()).containsEntry("reported", 960L).doesNotContainKey("reportedAgrees");
  }

  @Test
  void nothingIsSaidOfAPeriodNobodyReported() {
    Finding f = cycle(cycles(3, 24));
    assertThat(f.values()).doesNotContainKeys("reported", "reportedAgrees");
  }
}
