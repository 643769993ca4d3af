package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.timeline.TimelineJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture through the whole engine, compared with its expected findings in {@code
 * src/test/resources/golden/<fixture>.json}. Golden files change only when the test runs with
 * {@code -Dregdoc.updateGolden=true}; review the diff before committing it.
 */
class FixtureReplayTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static Analyzer analyzer;

  @BeforeAll
  static void compileRules() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    analyzer =
        new Analyzer(
            RuleBase.load(Path.of("rules")),
            TextReaders.defaults(fixed),
            IngestLimits.defaults(),
            SignalingPorts.defaults());
  }

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES)) {
      // lab/ holds the namespace lab's recorded scenarios, one folder each, judged against its
      // manifest instead
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("lab"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void findingsMatchTheGoldenFile(String fixture) throws IOException {
    List<InputFile> files;
    try (Stream<Path> s = Files.list(FIXTURES.resolve(fixture))) {
      files =
          s.filter(p -> !p.getFileName().toString().equals("README.md"))
              .sorted()
              .map(InputFile::of)
              .toList();
    }
    Analysis a = analyzer.analyze(files);
    String actual = TimelineJson.MAPPER.writeValueAsString(canonical(a)) + "\n";
    Path golden = GOLDEN.resolve(fixture + ".json");
    if (Boolean.getBoolean("regdoc.updateGolden")
        || !Files.exists(golden) && Boolean.getBoolean("regdoc.createGolden")) {
      Files.writeString(golden, actual);
    }
    assertThat(golden)
        .as("golden file for %s (create with -Dregdoc.updateGolden=true)", fixture)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden));
  }

  /** The parts of the JSON contract that rules decide: everything but the knowledge-base texts. */
  static ObjectNode canonical(Analysis a) {
    ObjectNode root = TimelineJson.MAPPER.createObjectNode();
    ArrayNode findings = root.putArray("findings");
    for (Finding f : a.findings()) {
      ObjectNode n = findings.addObject();
      n.put("code", f.code());
      n.put("device", f.device());
      n.put("confidence", f.confidence());
      n.put("tier", f.tier().name());
      if (f.causedBy() != null) {
        n.put("causedBy", f.causedBy());
      }
      n.set("values", TimelineJson.MAPPER.valueToTree(new TreeMap<>(f.values())));
      n.set("evidence", TimelineJson.MAPPER.valueToTree(f.evidence()));
    }
    if (!a.summaries().isEmpty()) {
      root.set("summary", TimelineJson.MAPPER.valueToTree(a.summaries()));
    }
    return root;
  }
}
