package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.testing.FixtureFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's answer lets the timeline's events go before the rule session (so that a large
 * capture fits its heap): every fixture and lab folder must get the same answer, text and JSON, in
 * both languages, for all phones and for one, as with the events kept.
 */
class AnswerWithoutEventsTest {
  private static Analyzer keeping;
  private static Analyzer dropping;
  private static FindingTexts texts;

  @BeforeAll
  static void engines() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    keeping =
        new Analyzer(
            RuleBase.load(Path.of("rules")),
            TextReaders.defaults(fixed),
            IngestLimits.defaults(),
            SignalingPorts.defaults());
    dropping = keeping.withoutEvents();
    texts = KnowledgeTexts.load(Path.of("knowledge-base"));
  }

  static Stream<String> folders() {
    return FixtureFolder.all();
  }

  @ParameterizedTest
  @MethodSource("folders")
  void theAnswerIsTheSameWithoutTheEvents(String folder) {
    List<InputFile> files = FixtureFolder.inputs(FixtureFolder.FIXTURES.resolve(folder));
    Analysis kept = keeping.analyze(files);
    Analysis dropped = dropping.analyze(files);

    assertThat(dropped.timeline().events()).isEmpty();
    assertThat(dropped.timeline().devices()).isEqualTo(kept.timeline().devices());
    for (String lang : List.of("en", "ja")) {
      assertThat(ReportText.render(dropped, texts, lang, false))
          .isEqualTo(ReportText.render(kept, texts, lang, false));
    }
    assertThat(ReportText.render(dropped, texts, "en", true))
        .isEqualTo(ReportText.render(kept, texts, "en", true));
    assertThat(ReportJson.render(dropped, texts, "en"))
        .isEqualTo(ReportJson.render(kept, texts, "en"));
    assertThat(ReportText.render(dropped.unsummarised(), texts, "en", false))
        .isEqualTo(ReportText.render(kept.unsummarised(), texts, "en", false));
    List<String> devices = kept.deviceIds();
    if (!devices.isEmpty()) {
      String one = devices.get(0);
      assertThat(ReportJson.render(dropped.forDevice(one), texts, "en"))
          .isEqualTo(ReportJson.render(kept.forDevice(one), texts, "en"));
    }
  }
}
