package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.cli.Main;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.fixtures.SiteOutage;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.timeline.TimelineJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site outage: thousands of phones drop at once and keep trying to come back. The work must grow
 * in proportion to the input (counted in loop steps, not timed), and the answer must stay one
 * screen of text and a small JSON however many phones there are, with each phone's detail on
 * request.
 */
class SiteOutageTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final int PHONES = 3000;
  private static Analyzer analyzer;
  private static KnowledgeTexts texts;
  @TempDir static Path dir;
  static Path outage;
  static Analysis analysis;

  @BeforeAll
  static void analyseTheOutage() throws Exception {
    analyzer =
        new Analyzer(
            RuleBase.load(Path.of("rules")),
            TextReaders.defaults(CLOCK),
            IngestLimits.defaults(),
            SignalingPorts.defaults());
    texts = KnowledgeTexts.load(Path.of("knowledge-base"));
    outage = write(3 * PHONES, PHONES);
    analysis = analyzer.analyze(List.of(InputFile.of(outage)));
  }

  static Path write(int lines, int phones) throws Exception {
    Path file = dir.resolve("outage-" + phones + ".log");
    new SiteOutage(lines, phones).write(file);
    return file;
  }

  private static long steps(Path file) {
    WorkLimit limit = WorkLimit.of(Duration.ofHours(1));
    WorkLimit.run(limit, () -> analyzer.analyze(List.of(InputFile.of(file))));
    return limit.steps();
  }

  @Test
  void twiceThePhonesIsTwiceTheWork() throws Exception {
    long small = steps(write(3 * 500, 500));
    long large = steps(write(3 * 1000, 1000));
    assertThat(small).isPositive();
    assertThat((double) large / small)
        .as("steps for 1000 phones (%d) over steps for 500 (%d)", large, small)
        .isBetween(1.6, 2.4);
  }

  @Test
  void theJsonAnswerStaysSmall() throws Exception {
    String json = ReportJson.render(analysis, texts, "en");
    assertThat(json.length()).as("JSON for %d phones", PHONES).isLessThan(16_000);
    Analysis twice = analyzer.analyze(List.of(InputFile.of(write(6 * PHONES, 2 * PHONES))));
    assertThat(Math.abs(ReportJson.render(twice, texts, "en").length() - json.length()))
        .as("growth with twice the phones")
        .isLessThan(500);
  }

  @Test
  void theTextAnswerIsOneScreen() {
    for (String lang : List.of("en", "ja")) {
      String text = ReportText.render(analysis, texts, lang, false);
      assertThat(text.lines().count()).as(text).isLessThan(50);
      assertThat(text).contains(SiteOutage.device(0), SiteOutage.device(4), "--device");
    }
  }

  @Test
  void oneDevicesDetailOnRequest() throws Exception {
    String device = SiteOutage.device(3);
    Cli run = Cli.run("analyze", outage.toString(), "--device", device, "--format", "json");
    assertThat(run.code).as(run.out).isZero();
    JsonNode findings = TimelineJson.MAPPER.readTree(run.out).get("findings");
    // one finding per alarm about it: the unregistration and its attempts to come back
    assertThat(findings).hasSize(1 + SiteOutage.heavyAttempts(3));
    findings.forEach(f -> assertThat(f.get("device").asText()).isEqualTo(device));
  }

  @Test
  void everyFindingWithAll() throws Exception {
    Path small = write(3 * 20, 20);
    Cli run = Cli.run("analyze", small.toString(), "--all", "--format", "json");
    assertThat(run.code).as(run.out).isZero();
    assertThat(TimelineJson.MAPPER.readTree(run.out).get("findings").size())
        .isGreaterThanOrEqualTo(3 * 20);
  }

  /** The command line as a user runs it, its standard output captured. */
  record Cli(int code, String out) {
    static Cli run(String... args) {
      PrintStream old = System.out;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code = Main.run(args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(old);
      }
    }
  }
}
