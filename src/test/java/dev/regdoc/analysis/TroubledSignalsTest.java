package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Diagnoser;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.signals.RegistrationHistory;
import dev.regdoc.testing.FixtureFolder;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analyzer hands the rules registration attempts, refreshes and keepalives only inside the
 * devices' histories, and rules/histories.drl makes a device's ones facts of their own only when
 * its history holds something a rule looks for ({@code troubled}). Every fixture is judged as it is
 * with every attempt, refresh and keepalive a fact of its own: a rule that matched a healthy
 * phone's as a fact would answer differently.
 */
class TroubledSignalsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
  private static Diagnoser rules;

  @BeforeAll
  static void load() {
    rules = new Diagnoser(RuleBase.load(Path.of("rules")));
  }

  /** Every fixture folder and every lab scenario, each with all its files. */
  static Stream<String> folders() {
    return FixtureFolder.all();
  }

  @ParameterizedTest
  @MethodSource("folders")
  void aFixtureIsJudgedAsWithEverySignalAFactOfItsOwn(String folder) throws IOException {
    List<Object> facts = ruleFacts(FIXTURES.resolve(folder));
    List<Object> everySignal = new ArrayList<>(facts);
    facts.stream()
        .filter(RegistrationHistory.class::isInstance)
        .map(RegistrationHistory.class::cast)
        .forEach(
            h -> {
              everySignal.addAll(h.transactions());
              everySignal.addAll(h.refreshes());
              everySignal.addAll(h.keepalives());
            });

    assertThat(described(rules.diagnose(facts))).isEqualTo(described(rules.diagnose(everySignal)));
  }

  /** What a finding says, its citations in no particular order (the rules collect them so). */
  private static List<String> described(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                String.join(
                    "\n",
                    f.code() + " " + f.device() + " " + f.tier() + " " + f.confidence(),
                    "caused by " + f.causedBy(),
                    "values " + new TreeMap<>(f.values()),
                    "candidates " + f.candidates(),
                    "evidence " + sorted(f.evidence()),
                    "ruled out "
                        + f.ruledOut().stream()
                            .map(r -> r.code() + " " + r.why() + " " + r.args() + " " + sorted(r))
                            .sorted()
                            .toList()))
        .toList();
  }

  private static List<String> sorted(RuledOut r) {
    return sorted(r.evidence());
  }

  private static List<String> sorted(List<Evidence> evidence) {
    return evidence.stream().map(Evidence::toString).sorted().toList();
  }

  private static List<Object> ruleFacts(Path folder) {
    FixtureFolder read = FixtureFolder.read(folder, CLOCK);
    Timeline t = new TimelineBuilder().build(read.facts(), read.reports());
    return Analyzer.ruleFacts(read.facts(), t, List.of());
  }
}
