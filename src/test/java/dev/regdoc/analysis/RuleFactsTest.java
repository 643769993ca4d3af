package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.signals.InputSummary;
import dev.regdoc.signals.KeepaliveTiming;
import dev.regdoc.signals.RefreshTiming;
import dev.regdoc.signals.RegisterTransaction;
import dev.regdoc.signals.RegistrationHistory;
import dev.regdoc.testing.FixtureFolder;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the analyzer hands the rules: each registration attempt, refresh and keepalive only inside
 * its device's {@link RegistrationHistory}. As facts of their own they cost the rule session a fact
 * handle each, tens of thousands in a capture of thousands of healthy phones, for attempts no rule
 * matches; the rules make facts of the few that they look for (rules/histories.drl).
 */
class RuleFactsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"case-study-2", "healthy-sccp"})
  void attemptsRefreshesAndKeepalivesComeOnlyInTheirDevicesHistories(String fixture)
      throws IOException {
    List<Object> facts = ruleFacts(FIXTURES.resolve(fixture));
    List<RegistrationHistory> histories =
        facts.stream()
            .filter(RegistrationHistory.class::isInstance)
            .map(RegistrationHistory.class::cast)
            .toList();
    InputSummary read =
        facts.stream()
            .filter(InputSummary.class::isInstance)
            .map(InputSummary.class::cast)
            .findFirst()
            .orElseThrow();

    assertThat(
            facts.stream()
                .filter(
                    f ->
                        f instanceof RegisterTransaction
                            || f instanceof RefreshTiming
                            || f instanceof KeepaliveTiming)
                .map(f -> f.getClass().getSimpleName())
                .distinct())
        .as("facts of their own")
        .isEmpty();
    assertThat(read.registrationEvents()).isPositive();
    assertThat(histories.stream().mapToInt(h -> h.transactions().size()).sum())
        .isEqualTo(read.registrations());
    assertThat(histories.stream().mapToInt(h -> h.refreshes().size()).sum())
        .isEqualTo(read.refreshes());
    assertThat(histories.stream().mapToInt(h -> h.keepalives().size()).sum())
        .isEqualTo(read.keepalives());
    assertThat(histories)
        .allSatisfy(
            h -> {
              assertThat(h.transactions()).allMatch(t -> h.device().equals(t.device()));
              assertThat(h.refreshes()).allMatch(r -> h.device().equals(r.device()));
              assertThat(h.keepalives()).allMatch(k -> h.device().equals(k.device()));
            });
  }

  private static List<Object> ruleFacts(Path fixture) {
    FixtureFolder read = FixtureFolder.read(fixture, CLOCK);
    Timeline t = new TimelineBuilder().build(read.facts(), read.reports());
    return Analyzer.ruleFacts(read.facts(), t, List.of());
  }
}
